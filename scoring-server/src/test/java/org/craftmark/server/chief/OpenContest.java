package org.craftmark.server.chief;

import org.craftmark.core.contest.Category;
import org.craftmark.core.contest.Group;
import org.craftmark.core.contest.Mode;
import org.craftmark.core.contest.Tier;
import org.craftmark.core.marking.Criterion;
import org.craftmark.core.marking.Kind;
import org.craftmark.core.marking.Method;
import org.craftmark.core.pipeline.LifecycleAction;
import org.craftmark.server.Craftmark;
import org.craftmark.server.auth.Role;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.contests.ContestService.ContestRequest;
import org.craftmark.server.events.EventService.EventRequest;
import org.craftmark.server.store.ContestStore.Visibility;
import org.craftmark.server.store.PanelStore.PanelSeat;
import org.craftmark.server.testing.MarkingFixture;
import org.craftmark.server.testing.TestServer;
import org.craftmark.server.users.UserService.NewUserRequest;

import java.math.BigDecimal;
import java.util.List;

/** An event of a contest still OPEN (registration), with a chief judge: nothing may be locked or rechecked yet. */
final class OpenContest {
    private OpenContest() {
    }

    /** Needs the regions a {@link MarkingFixture} creates; answers the event id. */
    static long create(TestServer server, String chiefUsername) {
        Craftmark.Services services = server.app().services();
        SignedInUser admin = services.users().find("admin").orElseThrow();
        long contest = services.contests().create(admin, new ContestRequest("报名中的大赛 " + System.nanoTime(), 2026,
                Tier.DISTRICT, "110112", Category.CLASS_II, null, Visibility.LIVE, 5)).id();
        long event = services.events().create(admin, contest, new EventRequest("6-18-01-01", "车工", Group.EMPLOYEE,
                Mode.INDIVIDUAL, null, 3, null,
                List.of(new Criterion("A1", "A", "尺寸", Kind.MEASUREMENT, BigDecimal.TEN, Method.SINGLE, 1)), List.of())).id();
        services.contests().move(admin, contest, LifecycleAction.OPEN);
        long chief = services.users().create(admin, new NewUserRequest(chiefUsername, MarkingFixture.JUDGE_PASSWORD, Role.JUDGE,
                chiefUsername, null, "某单位")).id();
        services.panels().seat(admin, PanelSeat.allCriteria(event, chief, "CHIEF"));
        return event;
    }
}
