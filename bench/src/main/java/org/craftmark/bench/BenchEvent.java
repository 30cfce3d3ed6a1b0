package org.craftmark.bench;

import io.vertx.core.json.JsonObject;
import org.craftmark.bench.intake.IntakeFixture;
import org.craftmark.core.people.ResidentId;
import org.craftmark.core.pipeline.LifecycleAction;
import org.craftmark.server.Craftmark;
import org.craftmark.server.auth.Role;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.entries.CompetitorForm;
import org.craftmark.server.entries.EntryService.EntryForm;
import org.craftmark.server.store.PanelStore.PanelSeat;
import org.craftmark.server.users.UserService.NewUserRequest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** A running district event of 40 entries and one judge who marks every criterion. */
public record BenchEvent(long eventId, List<Long> entries, Random random) {
    public static final String JUDGE = "bench-judge";
    public static final String JUDGE_PASSWORD = "bench-judge-1";
    private static final List<String> CRITERIA = List.of("A1", "B1", "B2");

    public static BenchEvent create(Craftmark.Services services) {
        SignedInUser admin = services.users().find("admin").orElseThrow();
        long contest = IntakeFixture.createContest(services, admin);
        long event = IntakeFixture.createEvent(services, admin, contest, 0);
        services.contests().move(admin, contest, LifecycleAction.OPEN);
        List<Long> entries = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String id = ResidentId.withCheckCharacter(String.format(Locale.ROOT, "110112199%01d0101%03d", i % 10, i));
            entries.add(services.entries().register(admin, event, new EntryForm(String.format(Locale.ROOT, "A%02d", i), null,
                    new CompetitorForm("选手" + i, id, "单位" + i, null, "NONE"), List.of())).id());
        }
        long judge = services.users().create(admin, new NewUserRequest(JUDGE, JUDGE_PASSWORD, Role.JUDGE, "裁判", null, "裁判单位")).id();
        services.panels().seat(admin, PanelSeat.allCriteria(event, judge, "JUDGE"));
        services.contests().move(admin, contest, LifecycleAction.START);
        return new BenchEvent(event, entries, new Random(11));
    }

    public JsonObject randomMark(String clientMarkId) {
        return new JsonObject().put("clientMarkId", clientMarkId).put("eventId", eventId)
                .put("entryId", entries.get(random.nextInt(entries.size())))
                .put("criterion", CRITERIA.get(random.nextInt(CRITERIA.size())))
                .put("value", BigDecimal.valueOf(random.nextInt(3000), 2));
    }
}
