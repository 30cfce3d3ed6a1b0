package org.craftmark.bench.intake;

import io.vertx.core.json.JsonObject;
import org.craftmark.core.contest.Category;
import org.craftmark.core.contest.Group;
import org.craftmark.core.contest.Mode;
import org.craftmark.core.contest.Tier;
import org.craftmark.core.marking.Criterion;
import org.craftmark.core.marking.Kind;
import org.craftmark.core.marking.Method;
import org.craftmark.core.people.ResidentId;
import org.craftmark.core.pipeline.LifecycleAction;
import org.craftmark.server.Craftmark;
import org.craftmark.server.auth.Role;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.contests.ContestService.ContestRequest;
import org.craftmark.server.entries.CompetitorForm;
import org.craftmark.server.entries.EntryService.EntryForm;
import org.craftmark.server.events.EventService.EventRequest;
import org.craftmark.server.store.ContestStore.Visibility;
import org.craftmark.server.store.PanelStore.PanelSeat;
import org.craftmark.server.store.RegionStore.StoredRegion;
import org.craftmark.server.auth.Passwords;
import org.craftmark.server.store.Stores;
import org.craftmark.server.store.UserStore.NewUser;

import org.jooq.exception.DataAccessException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

/**
 * A RUNNING contest shaped like a contest day: {@code events} events, each with {@code judgesPerEvent}
 * judges who mark every criterion of every entry. Built through the services, as an organizer would.
 */
public record IntakeFixture(long contestId, List<Seat> seats) {
    static final String PASSWORD = "bench-judge-1";
    private static final String PASSWORD_HASH = Passwords.hash(PASSWORD);
    private static final List<String> CRITERIA = List.of("A1", "B1", "B2");

    /** One judge on one event, and the entries there. */
    public record Seat(SignedInUser judge, long eventId, List<Long> entries) {
        /** A mark frame (without {@code type}) for a random entry and criterion. */
        public JsonObject randomMark(String clientMarkId) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            return new JsonObject().put("clientMarkId", clientMarkId).put("eventId", eventId)
                    .put("entryId", entries.get(random.nextInt(entries.size())))
                    .put("criterion", CRITERIA.get(random.nextInt(CRITERIA.size())))
                    .put("value", BigDecimal.valueOf(random.nextInt(3000), 2));
        }
    }

    public static IntakeFixture create(Craftmark server, int events, int judgesPerEvent, int entriesPerEvent) {
        Craftmark.Services services = server.services();
        SignedInUser admin = services.users().find("admin").orElseThrow();
        long contest = createContest(services, admin);
        List<Long> eventIds = new ArrayList<>();
        for (int e = 0; e < events; e++) {
            eventIds.add(createEvent(services, admin, contest, e));
        }
        services.contests().move(admin, contest, LifecycleAction.OPEN);
        // Events are set up side by side: registration and password hashing dominate the set-up time.
        List<Seat> seats = IntStream.range(0, events).parallel().boxed().flatMap(e -> {
            List<Long> entries = register(services, admin, eventIds.get(e), e, entriesPerEvent);
            return IntStream.range(0, judgesPerEvent)
                    .mapToObj(j -> new Seat(seatJudge(server.database().stores(), services, admin, eventIds.get(e), "bj-" + e + "-" + j), eventIds.get(e), entries));
        }).toList();
        services.contests().move(admin, contest, LifecycleAction.START);
        return new IntakeFixture(contest, seats);
    }

    /** A district contest in 通州区 (its regions created first), in SETUP. */
    public static long createContest(Craftmark.Services services, SignedInUser admin) {
        return createContest(services, admin, 5);
    }

    /** The same contest with a notice period (公示) of {@code noticeDays}: 0 lets it be finalized at once. */
    public static long createContest(Craftmark.Services services, SignedInUser admin, int noticeDays) {
        for (StoredRegion region : List.of(new StoredRegion("000000", "全国", "NATION", null),
                new StoredRegion("110000", "北京市", "CITY", "000000"), new StoredRegion("110112", "通州区", "DISTRICT", "110000"))) {
            services.regionService().create(admin, region);
        }
        return services.contests().create(admin, new ContestRequest("基准测试", 2026, Tier.DISTRICT, "110112",
                Category.CLASS_II, null, Visibility.LIVE, noticeDays)).id();
    }

    /** Event {@code index} of the contest: 车工, three criteria (SINGLE, MEAN, MEDIAN). */
    public static long createEvent(Craftmark.Services services, SignedInUser admin, long contest, int index) {
        String code = String.format(Locale.ROOT, "6-18-%02d-%02d", index / 100 + 1, index % 100);
        return services.events().create(admin, contest, new EventRequest(code, "车工" + index, Group.EMPLOYEE, Mode.INDIVIDUAL,
                null, 3, null, List.of(
                        new Criterion("A1", "A", "尺寸", Kind.MEASUREMENT, BigDecimal.valueOf(40), Method.SINGLE, 1),
                        new Criterion("B1", "B", "工艺", Kind.JUDGEMENT, BigDecimal.valueOf(30), Method.MEAN, 2),
                        new Criterion("B2", "B", "外观", Kind.JUDGEMENT, BigDecimal.valueOf(30), Method.MEDIAN, 3)),
                List.of("MODULE:A"))).id();
    }

    private static List<Long> register(Craftmark.Services services, SignedInUser admin, long event, int eventIndex, int count) {
        List<Long> entries = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            int i = n;
            String id = ResidentId.withCheckCharacter(String.format(Locale.ROOT, "11011219%02d0101%03d", 50 + eventIndex % 50, i));
            entries.add(retriedId(() -> services.entries().register(admin, event, new EntryForm(String.format(Locale.ROOT, "A%03d", i), null,
                    new CompetitorForm("选手" + i, id, "单位" + i, null, "NONE"), List.of())).id()));
        }
        return entries;
    }

    private static SignedInUser seatJudge(Stores stores, Craftmark.Services services, SignedInUser admin, long event, String username) {
        // One Argon2 hash for every judge: hashing 200 passwords would be most of the set-up time.
        SignedInUser judge = stores.users().insert(new NewUser(username, PASSWORD_HASH, Role.JUDGE, "裁判", null, "裁判单位"),
                Instant.now());
        retried(() -> services.panels().seat(admin, PanelSeat.allCriteria(event, judge.id(), "JUDGE")));
        return judge;
    }

    private static long retriedId(java.util.function.LongSupplier work) {
        long[] id = new long[1];
        retried(() -> id[0] = work.getAsLong());
        return id[0];
    }

    /** Seats set up side by side can deadlock in InnoDB; the loser is simply tried again. */
    private static void retried(Runnable work) {
        for (int attempt = 1; ; attempt++) {
            try {
                work.run();
                return;
            } catch (DataAccessException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }
}
