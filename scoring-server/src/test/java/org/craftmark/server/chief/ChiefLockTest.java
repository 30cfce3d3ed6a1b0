package org.craftmark.server.chief;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.craftmark.core.common.Problem;
import org.craftmark.core.marking.Criterion;
import org.craftmark.core.marking.Kind;
import org.craftmark.core.marking.Method;
import org.craftmark.server.testing.Api;
import org.craftmark.server.testing.Backend;
import org.craftmark.server.testing.JudgeSocket;
import org.craftmark.server.testing.MarkingFixture;
import org.craftmark.server.testing.TestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.craftmark.server.chief.Desk.accept;
import static org.craftmark.server.chief.Desk.error;
import static org.craftmark.server.chief.Desk.mark;
import static org.craftmark.server.chief.Desk.reason;
import static org.craftmark.server.chief.Desk.token;

/**
 * Locking and unlocking an event: refused with every hold-up listed while marking is incomplete or
 * in discrepancy, accepted once complete; judges hear of it on /ws/judge and marks after the lock
 * are rejected; unlocking with a reason reopens marking.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(Backend.class)
@DisplayName("The chief judge locks and unlocks an event")
class ChiefLockTest {
    private static final List<Criterion> SCHEME = List.of(
            new Criterion("A1", "A", "尺寸", Kind.MEASUREMENT, BigDecimal.valueOf(30), Method.SINGLE, 1),
            new Criterion("B1", "B", "工艺", Kind.JUDGEMENT, BigDecimal.valueOf(20), Method.MEAN, 2),
            new Criterion("W1", "B", "外观", Kind.JUDGEMENT, BigDecimal.valueOf(9), Method.WSS, 3));

    @Parameter
    Backend backend;
    private static TestServer server;
    private static Vertx vertx;

    @BeforeParameterizedClassInvocation
    static void start(Backend backend) {
        server = TestServer.start(backend);
        vertx = Vertx.vertx();
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        if (vertx != null) {
            vertx.close().await();
        }
        if (server != null) {
            server.close();
        }
    }

    private static Api api() {
        return server.api();
    }

    private static MarkingFixture season(String prefix) {
        return MarkingFixture.create(server, SCHEME, List.of(), List.of("A01", "A02", "A03", "A04"),
                List.of(prefix + "-chief", prefix + "-j1", prefix + "-j2", prefix + "-j3"));
    }

    private static String lockPath(MarkingFixture season) {
        return "/api/v1/events/" + season.eventId + "/lock";
    }

    @Test
    void lockIsRefusedWithEveryHoldUpUntilMarkingIsCompleteThenJudgesHearOfIt() {
        MarkingFixture season = season("lk");
        String chief = token(api(), "lk-chief");
        String j1 = token(api(), "lk-j1");
        String j2 = token(api(), "lk-j2");
        String j3 = token(api(), "lk-j3");
        // The chief sets A03 DNS: a DNS entry never holds up the lock.
        assertThat(api().post("/api/v1/entries/" + season.entry("A03") + "/status",
                new JsonObject().put("status", "DNS").put("reason", "未到场"), chief).status()).isEqualTo(200);

        List<Problem> nothingMarked = error(api().post(lockPath(season), new JsonObject(), chief), 409, "CONFLICT");
        assertThat(nothingMarked).containsExactly(
                new Problem("entry A01: A1", "0 of 1 marks"), new Problem("entry A01: B1", "0 of 2 marks"),
                new Problem("entry A01: W1", "0 of 3 marks"),
                new Problem("entry A02: A1", "0 of 1 marks"), new Problem("entry A02: B1", "0 of 2 marks"),
                new Problem("entry A02: W1", "0 of 3 marks"),
                new Problem("entry A04: A1", "0 of 1 marks"), new Problem("entry A04: B1", "0 of 2 marks"),
                new Problem("entry A04: W1", "0 of 3 marks"));

        // A01 complete; A02 one B1 mark and two W1 marks; A04's WSS marks 0 and 3 apart.
        accept(api(), j1, mark(season, "A01", "A1", 25), mark(season, "A01", "B1", 15), mark(season, "A01", "W1", 2),
                mark(season, "A02", "A1", 20), mark(season, "A02", "B1", 12), mark(season, "A02", "W1", 2),
                mark(season, "A04", "A1", 18), mark(season, "A04", "B1", 10), mark(season, "A04", "W1", 0));
        accept(api(), j2, mark(season, "A01", "B1", 16), mark(season, "A01", "W1", 3), mark(season, "A02", "W1", 3),
                mark(season, "A04", "B1", 11), mark(season, "A04", "W1", 3));
        accept(api(), j3, mark(season, "A01", "W1", 2), mark(season, "A04", "W1", 2));

        List<Problem> partly = error(api().post(lockPath(season), new JsonObject(), chief), 409, "CONFLICT");
        assertThat(partly).containsExactly(
                new Problem("entry A02: B1", "1 of 2 marks"),
                new Problem("entry A02: W1", "2 of 3 marks"),
                new Problem("entry A04: W1", "discrepancy"));
        assertThat(api().get("/api/v1/events/" + season.eventId, chief).json().getBoolean("locked")).isFalse();

        accept(api(), j2, mark(season, "A02", "B1", 13));
        accept(api(), j3, mark(season, "A02", "W1", 2));
        accept(api(), j1, mark(season, "A04", "W1", 2)); // re-marked: 2, 3, 2 agree within 1

        try (JudgeSocket tablet = JudgeSocket.connect(vertx, api(), "lk-j1", MarkingFixture.JUDGE_PASSWORD)) {
            tablet.send(new JsonObject().put("type", "hello").put("deviceId", "tablet-lk"));
            tablet.next("assignments");

            Api.Response locked = api().post(lockPath(season), new JsonObject(), chief);

            assertThat(locked.status()).as(locked.body()).isEqualTo(200);
            assertThat(locked.json().getBoolean("locked")).isTrue();
            assertThat(locked.json().getLong("id")).isEqualTo(season.eventId);
            assertThat(tablet.next("locked").getLong("eventId")).isEqualTo(season.eventId);

            tablet.send(new JsonObject().put("type", "mark").put("clientMarkId", UUID.randomUUID().toString())
                    .put("eventId", season.eventId).put("entryId", season.entry("A01")).put("criterion", "A1").put("value", 26));
            JsonObject ack = tablet.next("ack");
            assertThat(ack.getString("status")).isEqualTo("REJECTED");
            assertThat(ack.getJsonObject("error").getString("code")).isEqualTo("EVENT_LOCKED");
        }
        assertThat(Desk.send(api(), j2, mark(season, "A01", "B1", 17))).containsExactly("REJECTED EVENT_LOCKED");
        assertThat(api().get("/api/v1/events/" + season.eventId, chief).json().getBoolean("locked")).isTrue();
    }

    @Test
    void lockingALockedEventChangesNothingAndUnlockingNeedsAReasonAndReopensMarking() {
        MarkingFixture season = season("ul");
        String chief = token(api(), "ul-chief");
        String j1 = token(api(), "ul-j1");
        markEverything(season, j1, token(api(), "ul-j2"), token(api(), "ul-j3"));
        assertThat(api().post(lockPath(season), new JsonObject(), chief).status()).isEqualTo(200);

        Api.Response again = api().post(lockPath(season), new JsonObject(), chief);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().getBoolean("locked")).isTrue();

        String unlockPath = "/api/v1/events/" + season.eventId + "/unlock";
        assertThat(error(api().post(unlockPath, new JsonObject(), chief), 400, "VALIDATION_FAILED"))
                .extracting(Problem::field).containsExactly("reason");
        assertThat(error(api().post(unlockPath, reason("   "), chief), 400, "VALIDATION_FAILED"))
                .extracting(Problem::field).containsExactly("reason");
        error(api().post(unlockPath, new JsonObject().put("reason", 7), chief), 400, "MALFORMED");
        error(api().postRaw(unlockPath, "{\"reason\":", "application/json", chief), 400, "MALFORMED");

        try (JudgeSocket tablet = JudgeSocket.connect(vertx, api(), "ul-j1", MarkingFixture.JUDGE_PASSWORD)) {
            tablet.send(new JsonObject().put("type", "hello"));
            tablet.next("assignments");

            Api.Response unlocked = api().post(unlockPath, reason("A02 的 B1 评分录入错误"), chief);

            assertThat(unlocked.status()).as(unlocked.body()).isEqualTo(200);
            assertThat(unlocked.json().getBoolean("locked")).isFalse();
            assertThat(tablet.next("unlocked").getLong("eventId")).isEqualTo(season.eventId);
        }
        assertThat(Desk.send(api(), j1, mark(season, "A02", "A1", 21))).containsExactly("ACCEPTED");
        assertThat(api().post(unlockPath, reason("again"), chief).json().getBoolean("locked")).isFalse();

        List<JsonObject> audit = audit(season);
        assertThat(audit.stream().filter(e -> e.getString("action").equals("event.lock"))).hasSize(1);
        assertThat(audit.stream().filter(e -> e.getString("action").equals("event.unlock")))
                .singleElement().satisfies(e -> {
                    assertThat(e.getString("actor")).isEqualTo("ul-chief");
                    assertThat(e.getJsonObject("data").getString("reason")).isEqualTo("A02 的 B1 评分录入错误");
                });
    }

    @Test
    void badPathsAreNotFoundAndOnlyARunningContestsEventIsLocked() {
        MarkingFixture season = season("bp");
        String chief = token(api(), "bp-chief");
        error(api().post("/api/v1/events/999999/lock", new JsonObject(), chief), 404, "NOT_FOUND");
        error(api().post("/api/v1/events/abc/lock", new JsonObject(), chief), 404, "NOT_FOUND");
        error(api().post("/api/v1/events/0/unlock", reason("x"), chief), 404, "NOT_FOUND");
        error(api().post("/api/v1/events/999999/unlock", reason("x"), chief), 404, "NOT_FOUND");
        error(api().post(lockPath(season), new JsonObject(), null), 401, "UNAUTHENTICATED");

        long openEvent = OpenContest.create(server, "bp-open-chief");
        String openChief = token(api(), "bp-open-chief");
        assertThat(error(api().post("/api/v1/events/" + openEvent + "/lock", new JsonObject(), openChief), 409, "WRONG_STATE"))
                .containsExactly(new Problem("status", "is OPEN"));
    }

    private static void markEverything(MarkingFixture season, String j1, String j2, String j3) {
        for (String bib : List.of("A01", "A02", "A03", "A04")) {
            accept(api(), j1, mark(season, bib, "A1", 20), mark(season, bib, "B1", 10), mark(season, bib, "W1", 2));
            accept(api(), j2, mark(season, bib, "B1", 12), mark(season, bib, "W1", 2));
            accept(api(), j3, mark(season, bib, "W1", 3));
        }
    }

    private static List<JsonObject> audit(MarkingFixture season) {
        String admin = api().token("admin", TestServer.ADMIN_PASSWORD);
        return api().get("/api/v1/audit?contestId=" + season.contestId, admin).json().getJsonArray("items")
                .stream().map(JsonObject.class::cast).toList();
    }
}
