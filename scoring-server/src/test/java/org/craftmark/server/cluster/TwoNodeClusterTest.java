package org.craftmark.server.cluster;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.craftmark.core.marking.Criterion;
import org.craftmark.core.marking.Kind;
import org.craftmark.core.marking.Method;
import org.craftmark.server.testing.Api;
import org.craftmark.server.testing.Backend;
import org.craftmark.server.testing.LiveScreen;
import org.craftmark.server.testing.MarkingFixture;
import org.craftmark.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Craftmark nodes joined over Hazelcast on loopback, one MariaDB: marks taken by node A reach
 * the screens on node B one after another, with no gap in seq, and both nodes' REST boards and
 * every screen end on the same rows.
 */
@DisplayName("Two nodes in a cluster over one MariaDB")
class TwoNodeClusterTest {
    private static final List<String> BIBS = List.of("A01", "A02", "A03", "A04");

    private static List<TestServer> nodes;
    private static TestServer a;
    private static TestServer b;
    private static Vertx clients;

    @BeforeAll
    static void startTwoNodes() {
        nodes = TestServer.cluster(Backend.MYSQL, 2);
        a = nodes.get(0);
        b = nodes.get(1);
        clients = Vertx.vertx();
        awaitReachable(a, b);
        awaitReachable(b, a);
    }

    @AfterAll
    static void stop() {
        clients.close().await();
        nodes.reversed().forEach(TestServer::close);
    }

    @Test
    void marksThroughNodeAReachScreensOnNodeBInOrderAndBothBoardsAgree() {
        MarkingFixture season = MarkingFixture.create(a, List.of(
                        new Criterion("A1", "A", "尺寸", Kind.MEASUREMENT, BigDecimal.valueOf(30), Method.SINGLE, 1)),
                List.of("MODULE:A"), BIBS, List.of("cl-chief-" + suffix(), "cl-j1-" + suffix()));
        String judge = season.judges.keySet().iterator().next();
        String tokenA = a.api().token(judge, MarkingFixture.JUDGE_PASSWORD);
        List<LiveScreen> screensOnB = new ArrayList<>();
        try (LiveScreen onA = LiveScreen.open(clients, a.api(), season.eventId, null, null)) {
            for (int i = 0; i < 3; i++) {
                screensOnB.add(LiveScreen.open(clients, b.api(), season.eventId, null, null));
            }
            // Each mark changes one entry's total; the screens on B must show each one in turn.
            for (int i = 1; i <= 12; i++) {
                String bib = BIBS.get(i % BIBS.size());
                long entryId = season.entry(bib);
                BigDecimal value = BigDecimal.valueOf(i);
                batch(a.api(), tokenA, mark(season, entryId, value));
                for (LiveScreen screen : screensOnB) {
                    awaitRows(screen, rows -> totalOf(rows, entryId).compareTo(value) == 0);
                }
            }
            JsonObject restA = leaderboard(a, season.eventId);
            JsonObject restB = awaitLeaderboard(b, season.eventId, restA.getJsonArray("rows"));
            List<JsonObject> expected = rows(restA);
            assertThat(rows(restB)).isEqualTo(expected);
            onA.awaitSeq(restA.getLong("seq"));
            assertThat(onA.rows()).isEqualTo(expected);
            for (LiveScreen screen : screensOnB) {
                screen.awaitSeq(restB.getLong("seq"));
                assertThat(screen.gaps()).isEmpty();
                assertThat(screen.frames().stream().map(f -> f.getLong("seq")).toList()).isSorted().doesNotHaveDuplicates();
                assertThat(screen.frames().size()).as("a snapshot, then a delta per mark at least as it came").isGreaterThan(1);
                assertThat(screen.rows()).isEqualTo(expected);
            }
        } finally {
            screensOnB.forEach(LiveScreen::close);
        }
    }

    @Test
    void aMarkThroughNodeBReachesAScreenOnNodeA() {
        MarkingFixture season = MarkingFixture.create(a, List.of(
                        new Criterion("A1", "A", "尺寸", Kind.MEASUREMENT, BigDecimal.valueOf(30), Method.SINGLE, 1)),
                List.of("MODULE:A"), BIBS, List.of("cl-chief-" + suffix()));
        String judge = season.judges.keySet().iterator().next();
        try (LiveScreen onA = LiveScreen.open(clients, a.api(), season.eventId, null, null)) {
            batch(b.api(), b.api().token(judge, MarkingFixture.JUDGE_PASSWORD), mark(season, season.entry("A03"), BigDecimal.valueOf(21)));
            awaitRows(onA, rows -> totalOf(rows, season.entry("A03")).compareTo(BigDecimal.valueOf(21)) == 0);
            assertThat(onA.gaps()).isEmpty();
            assertThat(rows(awaitLeaderboard(a, season.eventId, leaderboard(b, season.eventId).getJsonArray("rows"))))
                    .isEqualTo(onA.rows());
        }
    }

    /**
     * Each node caches what marks are checked against; a change made through the other node must
     * still be seen by the next mark here (the event's revision moved in the database).
     */
    @Test
    void aLockOnNodeBRefusesTheNextMarkOnNodeAAndAnUnlockOnBReopensIt() {
        MarkingFixture season = MarkingFixture.create(a, List.of(
                        new Criterion("A1", "A", "尺寸", Kind.MEASUREMENT, BigDecimal.valueOf(30), Method.SINGLE, 1)),
                List.of("MODULE:A"), BIBS, List.of("cl-lock-" + suffix()));
        String chief = season.judges.keySet().iterator().next();
        String onA = a.api().token(chief, MarkingFixture.JUDGE_PASSWORD);
        String onB = b.api().token(chief, MarkingFixture.JUDGE_PASSWORD);
        for (String bib : BIBS) {
            batch(a.api(), onA, mark(season, season.entry(bib), BigDecimal.TEN));
        }
        Api.Response locked = b.api().post("/api/v1/events/" + season.eventId + "/lock", new JsonObject(), onB);
        assertThat(locked.status()).as(locked.body()).isEqualTo(200);
        JsonObject refused = ack(a.api(), onA, mark(season, season.entry("A01"), BigDecimal.ONE));
        assertThat(refused.getString("status")).isEqualTo("REJECTED");
        assertThat(refused.getJsonObject("error").getString("code")).isEqualTo("EVENT_LOCKED");
        Api.Response unlocked = b.api().post("/api/v1/events/" + season.eventId + "/unlock",
                new JsonObject().put("reason", "复核 A01"), onB);
        assertThat(unlocked.status()).as(unlocked.body()).isEqualTo(200);
        batch(a.api(), onA, mark(season, season.entry("A01"), BigDecimal.ONE));
    }

    @Test
    void aSeatRemovedThroughNodeBRefusesThatJudgesNextMarkOnNodeA() {
        MarkingFixture season = MarkingFixture.create(a, List.of(
                        new Criterion("A1", "A", "尺寸", Kind.MEASUREMENT, BigDecimal.valueOf(30), Method.SINGLE, 1)),
                List.of("MODULE:A"), BIBS, List.of("cl-seat-chief-" + suffix(), "cl-seat-j1-" + suffix()));
        String judge = season.judges.keySet().stream().skip(1).findFirst().orElseThrow();
        String onA = a.api().token(judge, MarkingFixture.JUDGE_PASSWORD);
        batch(a.api(), onA, mark(season, season.entry("A01"), BigDecimal.TEN));
        String admin = b.api().token("admin", TestServer.ADMIN_PASSWORD);
        Api.Response removed = b.api().delete("/api/v1/events/" + season.eventId + "/panel/" + season.judges.get(judge), admin);
        assertThat(removed.status()).as(removed.body()).isBetween(200, 204);
        JsonObject refused = ack(a.api(), onA, mark(season, season.entry("A02"), BigDecimal.TEN));
        assertThat(refused.getString("status")).isEqualTo("REJECTED");
        assertThat(refused.getJsonObject("error").getString("code")).isEqualTo("FORBIDDEN");
    }

    private static JsonObject ack(Api api, String token, JsonObject mark) {
        Api.Response response = api.post("/api/v1/marks:batch", new JsonObject().put("marks", new JsonArray().add(mark)), token);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().getJsonArray("acks").getJsonObject(0);
    }

    /** Node {@code from} can send to {@code to} over the event bus: the cluster has seen both. */
    private static void awaitReachable(TestServer from, TestServer to) {
        ClusterBoards boards = from.app().cluster().orElseThrow();
        String target = to.app().cluster().orElseThrow().nodeId();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                assertThat(boards.ping(target).await()).isEqualTo(target);
                return;
            } catch (RuntimeException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("node " + target + " never became reachable", notYet);
                }
                Thread.onSpinWait();
            }
        }
    }

    private static void awaitRows(LiveScreen screen, Predicate<List<JsonObject>> shown) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        synchronized (screen) {
            while (!shown.test(screen.rows())) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw new AssertionError("the screen never showed it; it shows " + screen.rows());
                }
                try {
                    screen.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }

    /** Node {@code node}'s REST board once it shows {@code rows} (it catches up after the announcement). */
    private static JsonObject awaitLeaderboard(TestServer node, long eventId, JsonArray rows) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        JsonObject board = leaderboard(node, eventId);
        while (!board.getJsonArray("rows").equals(rows) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            board = leaderboard(node, eventId);
        }
        return board;
    }

    private static BigDecimal totalOf(List<JsonObject> rows, long entryId) {
        return rows.stream().filter(r -> r.getLong("entryId") == entryId).findFirst()
                .map(r -> r.getValue("total") == null ? BigDecimal.valueOf(-1) : new BigDecimal(r.getValue("total").toString()))
                .orElse(BigDecimal.valueOf(-1));
    }

    private static void batch(Api api, String token, JsonObject mark) {
        Api.Response response = api.post("/api/v1/marks:batch", new JsonObject().put("marks", new JsonArray().add(mark)), token);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().getJsonArray("acks").getJsonObject(0).getString("status")).isEqualTo("ACCEPTED");
    }

    private static JsonObject mark(MarkingFixture season, long entryId, BigDecimal value) {
        return new JsonObject().put("clientMarkId", UUID.randomUUID().toString()).put("eventId", season.eventId)
                .put("entryId", entryId).put("criterion", "A1").put("value", value);
    }

    private static JsonObject leaderboard(TestServer node, long eventId) {
        return node.api().get("/api/v1/events/" + eventId + "/leaderboard", null).json();
    }

    private static List<JsonObject> rows(JsonObject board) {
        return board.getJsonArray("rows").stream().map(JsonObject.class::cast).toList();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
