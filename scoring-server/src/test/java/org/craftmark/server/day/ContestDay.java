package org.craftmark.server.day;

import org.craftmark.core.contest.Category;
import org.craftmark.core.contest.Group;
import org.craftmark.core.contest.Mode;
import org.craftmark.core.contest.Tier;
import org.craftmark.core.marking.Criterion;
import org.craftmark.core.marking.Kind;
import org.craftmark.core.marking.Method;
import org.craftmark.server.Craftmark;
import org.craftmark.server.auth.Role;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.contests.ContestService.ContestRequest;
import org.craftmark.server.events.EventService.EventRequest;
import org.craftmark.server.store.ContestStore.Visibility;
import org.craftmark.server.store.RegionStore.StoredRegion;
import org.craftmark.server.testing.TestServer;
import org.craftmark.server.users.UserService.NewUserRequest;

import java.math.BigDecimal;
import java.util.List;

/**
 * What exists the morning of the contest day: the district's regions, its organizer's account, and
 * a contest (DRAFT) with one event and its marking scheme — set up beforehand (the console's contest
 * and event forms have their own test). Everything on the day itself happens through the pages.
 */
final class ContestDay {
    static final String ORGANIZER = "day-organizer";
    static final String PASSWORD = "day-password-1";
    /** A1: one measurement; W1: a WorldSkills judgement by three judges, where disagreements happen. */
    static final List<Criterion> SCHEME = List.of(
            new Criterion("A1", "A", "尺寸精度", Kind.MEASUREMENT, BigDecimal.valueOf(30), Method.SINGLE, 1),
            new Criterion("W1", "B", "作品外观", Kind.JUDGEMENT, BigDecimal.valueOf(9), Method.WSS, 3));

    final long contestId;
    final long eventId;

    private ContestDay(long contestId, long eventId) {
        this.contestId = contestId;
        this.eventId = eventId;
    }

    static ContestDay prepare(TestServer server) {
        Craftmark.Services services = server.app().services();
        SignedInUser admin = services.users().find("admin").orElseThrow();
        for (StoredRegion region : List.of(new StoredRegion("000000", "全国", "NATION", null),
                new StoredRegion("110000", "北京市", "CITY", "000000"), new StoredRegion("110112", "通州区", "DISTRICT", "110000"))) {
            if (services.regions().find(region.code()).isEmpty()) {
                services.regionService().create(admin, region);
            }
        }
        services.users().create(admin, new NewUserRequest(ORGANIZER, PASSWORD, Role.ORGANIZER, "通州区竞赛组委会", "110112", null));
        long contest = services.contests().create(admin, new ContestRequest("2026 通州区职业技能大赛", 2026, Tier.DISTRICT, "110112",
                Category.CLASS_II, null, Visibility.LIVE, 5)).id();
        long event = services.events().create(admin, contest, new EventRequest("6-18-01-01", "车工", Group.EMPLOYEE,
                Mode.INDIVIDUAL, null, 3, null, SCHEME, List.of())).id();
        return new ContestDay(contest, event);
    }
}
