package org.craftmark.server.live;

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

import static org.assertj.core.api.Assertions.assertThat;

/** Screens on /ws/live: snapshot, contiguous deltas, resuming, visibility, and coalesced bursts. */
@DisplayName("The live leaderboard feed")
class LiveFeedTest {
    private static TestServer server;
    private static Vertx vertx;

    @BeforeAll
    static void start() {
        server = TestServer.start(Backend.H2);
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
        server.close();
    }

    private static MarkingFixture event(List<String> bibs) {
        return MarkingFixture.create(server, List.of(
                        new Criterion("A1", "A", "尺寸", Kind.MEASUREMENT, BigDecimal.valueOf(30), Method.SINGLE, 1),
                        new Criterion("B1", "B", "工艺", Kind.JUDGEMENT, BigDecimal.valueOf(20), Method.MEAN, 2)),
                List.of("MODULE:A"), bibs, List.of("live-chief-" + UUID.randomUUID().toString().substring(0, 8), "live-j1-" + UUID.randomUUID().toString().substring(0, 8)));
    }

    private static JsonObject mark(MarkingFixture season, String bib, String criterion, double value) {
        return new JsonObject().put("clientMarkId", UUID.randomUUID().toString()).put("eventId", season.eventId)
                .put("entryId", season.entry(bib)).put("criterion", criterion).put("value", value);
    }

    private static JsonArray batch(MarkingFixture season, String judge, JsonObject... marks) {
        Api api = server.api();
        String token = api.token(judge, MarkingFixture.JUDGE_PASSWORD);
        Api.Response response = api.post("/api/v1/marks:batch", new JsonObject().put("marks", new JsonArray(List.of((Object[]) marks))), token);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().getJsonArray("acks");
    }

    private static String judge(MarkingFixture season, int index) {
        return new ArrayList<>(season.judges.keySet()).get(index);
    }

    private static JsonObject leaderboard(long eventId) {
        return server.api().get("/api/v1/events/" + eventId + "/leaderboard", null).json();
    }

    @Test
    void aScreenGetsASnapshotThenDeltasThatEndWhereRestIs() {
        MarkingFixture season = event(List.of("A01", "A02", "A03"));
        try (LiveScreen screen = LiveScreen.open(vertx, server.api(), season.eventId, null, null)) {
            screen.awaitSeq(0);
            assertThat(screen.frames().getFirst().getString("type")).isEqualTo("snapshot");

            batch(season, judge(season, 0), mark(season, "A02", "A1", 25));
            batch(season, judge(season, 1), mark(season, "A01", "A1", 12.5));
            JsonObject rest = leaderboard(season.eventId);

            screen.awaitSeq(rest.getLong("seq"));
            assertThat(rest.getLong("seq")).isPositive();
            assertThat(screen.gaps()).isEmpty();
            assertThat(screen.rows()).isEqualTo(rest.getJsonArray("rows").stream().map(JsonObject.class::cast).toList());
            assertThat(rest.getJsonArray("rows").getJsonObject(0).getString("bib")).isEqualTo("A02");
            assertThat(rest.getJsonArray("rows").encode()).doesNotContain("idNumber");
        }
    }

    @Test
    void anAcknowledgedMarkIsAlreadyOnTheLeaderboard() {
        MarkingFixture season = event(List.of("A01", "A02"));
        for (int i = 1; i <= 5; i++) {
            batch(season, judge(season, 0), mark(season, "A01", "A1", i));
            JsonObject row = leaderboard(season.eventId).getJsonArray("rows").getJsonObject(0);
            assertThat(new BigDecimal(row.getValue("total").toString())).isEqualByComparingTo(BigDecimal.valueOf(i));
        }
    }

    @Test
    void aScreenResumingWithSinceGetsOnlyWhatItMissed() {
        MarkingFixture season = event(List.of("A01", "A02"));
        long seenUpTo;
        try (LiveScreen screen = LiveScreen.open(vertx, server.api(), season.eventId, null, null)) {
            batch(season, judge(season, 0), mark(season, "A01", "A1", 10));
            seenUpTo = leaderboard(season.eventId).getLong("seq");
            screen.awaitSeq(seenUpTo);
        }
        batch(season, judge(season, 0), mark(season, "A02", "A1", 20));
        long now = leaderboard(season.eventId).getLong("seq");

        try (LiveScreen resumed = LiveScreen.open(vertx, server.api(), season.eventId, seenUpTo, null)) {
            // This screen starts with no rows of its own: only the frames it is sent are checked here.
            resumed.awaitSeq(now);
            assertThat(resumed.frames()).allMatch(f -> "delta".equals(f.getString("type")));
            assertThat(resumed.frames().getFirst().getLong("seq")).isEqualTo(seenUpTo + 1);
        }
        try (LiveScreen tooFarAhead = LiveScreen.open(vertx, server.api(), season.eventId, now + 1000, null)) {
            tooFarAhead.awaitSeq(now);
            assertThat(tooFarAhead.frames().getFirst().getString("type")).isEqualTo("snapshot");
        }
    }

    @Test
    void aScreenResumingAfterAServerRestartGetsAFreshSnapshotNotAnotherRunsFrames() {
        MarkingFixture season = event(List.of("A01", "A02"));
        batch(season, judge(season, 0), mark(season, "A01", "A1", 10));
        long before = leaderboard(season.eventId).getLong("seq");

        server.restart();
        batch(season, judge(season, 0), mark(season, "A02", "A1", 20));
        long after = leaderboard(season.eventId).getLong("seq");

        assertThat(after).as("seq never goes back across a restart").isGreaterThan(before);
        try (LiveScreen resumed = LiveScreen.open(vertx, server.api(), season.eventId, before, null)) {
            resumed.awaitSeq(after);
            assertThat(resumed.frames().getFirst().getString("type")).isEqualTo("snapshot");
            assertThat(resumed.rows()).hasSize(2);
        }
    }

    @Test
    void aBurstOfMarksReachesScreensInFewerFramesButCompletely() {
        List<String> bibs = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            bibs.add(String.format("B%02d", i));
        }
        MarkingFixture season = event(bibs);
        try (LiveScreen screen = LiveScreen.open(vertx, server.api(), season.eventId, null, null)) {
            List<JsonObject> marks = bibs.stream().map(bib -> mark(season, bib, "A1", 10 + bibs.indexOf(bib) * 0.5)).toList();
            batch(season, judge(season, 0), marks.toArray(JsonObject[]::new));
            JsonObject rest = leaderboard(season.eventId);

            screen.awaitSeq(rest.getLong("seq"));
            assertThat(screen.frames().size() - 1).as("delta frames for 30 marks").isLessThan(30);
            assertThat(screen.rows()).isEqualTo(rest.getJsonArray("rows").stream().map(JsonObject.class::cast).toList());
        }
    }

    @Test
    void badFeedRequestsAreRefusedBeforeTheUpgrade() throws Exception {
        assertThat(upgradeStatus(server, "/ws/live")).isEqualTo(400);
        assertThat(upgradeStatus(server, "/ws/live?eventId=abc")).isEqualTo(400);
        assertThat(upgradeStatus(server, "/ws/live?eventId=999999")).isEqualTo(404);
        MarkingFixture season = event(List.of("A01"));
        assertThat(upgradeStatus(server, "/ws/live?eventId=" + season.eventId + "&since=-3")).isEqualTo(400);
        assertThat(upgradeStatus(server, "/ws/live?eventId=" + season.eventId + "&ticket=forged")).isEqualTo(401);
    }

    /** The status of a WebSocket upgrade request, read as plain HTTP. */
    static int upgradeStatus(TestServer server, String path) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", java.net.URI.create(server.api().baseUrl()).getPort())) {
            String request = "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream())).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }
}
