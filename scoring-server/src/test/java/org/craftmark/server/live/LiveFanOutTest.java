package org.craftmark.server.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.craftmark.server.testing.Api;
import org.craftmark.server.testing.LiveScreen;
import org.craftmark.server.testing.MarkingFixture;
import org.craftmark.server.testing.OnEveryBackend;
import org.craftmark.server.testing.TestServer;
import org.craftmark.server.testing.VectorCases;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hall full of screens: 200 live clients — public ones, ones signed in with tickets, and ones
 * joining late (fresh, or resuming with {@code since}) — while five judges mark a published
 * example. Every screen must end on the REST leaderboard, which must be the example's, with no gap
 * in seq on any screen.
 */
@DisplayName("200 screens while five judges mark")
class LiveFanOutTest extends OnEveryBackend {
    private static final int PUBLIC_SCREENS = 120;
    private static final int TICKET_SCREENS = 40;
    private static final int LATE_SCREENS = 40;

    private static Vertx vertx;

    @BeforeParameterizedClassInvocation
    static void startClients() {
        vertx = Vertx.vertx();
    }

    @AfterParameterizedClassInvocation
    static void stopClients() {
        vertx.close().await();
    }

    @Test
    void everyScreenEndsOnTheRestLeaderboardWithoutAGap() throws Exception {
        JsonNode example = VectorCases.named("case-5");
        MarkingFixture season = VectorCases.setUp(server, example, "fan-" + backend);
        Api api = server.api();
        List<LiveScreen> screens = new ArrayList<>();
        try {
            for (int i = 0; i < PUBLIC_SCREENS; i++) {
                screens.add(LiveScreen.open(vertx, api, season.eventId, null, null));
            }
            String admin = api.token("admin", TestServer.ADMIN_PASSWORD);
            for (int i = 0; i < TICKET_SCREENS; i++) {
                String ticket = api.post("/api/v1/auth/ws-ticket", new JsonObject(), admin).json().getString("ticket");
                screens.add(LiveScreen.open(vertx, api, season.eventId, null, ticket));
            }
            JsonObject before = leaderboard(api, season);
            CompletableFuture<Void> marking = CompletableFuture.runAsync(() -> mark(season, example));
            for (int i = 0; i < LATE_SCREENS; i++) {
                screens.add(i % 2 == 0 ? LiveScreen.open(vertx, api, season.eventId, null, null) : LiveScreen.resume(vertx, api, before));
            }
            marking.get(5, TimeUnit.MINUTES);
            VectorCases.applyStatuses(season, example);

            JsonObject rest = leaderboard(api, season);
            JsonArray rows = rest.getJsonArray("rows");
            assertThat(VectorCases.compare("case-5", example.get("expect"), rows)).isEmpty();
            List<JsonObject> expected = rows.stream().map(JsonObject.class::cast).toList();
            for (LiveScreen screen : screens) {
                screen.awaitSeq(rest.getLong("seq"));
                assertThat(screen.gaps()).isEmpty();
                assertThat(screen.seq()).isEqualTo(rest.getLong("seq"));
                assertThat(screen.rows()).isEqualTo(expected);
            }
            assertThat(metric(api, "craftmark_live_screens")).as("open screens on /metrics").isGreaterThanOrEqualTo(screens.size());
            assertThat(metric(api, "craftmark_live_deliveries_total")).as("deltas written to screens").isPositive();
        } finally {
            screens.forEach(LiveScreen::close);
        }
    }

    private static void mark(MarkingFixture season, JsonNode example) {
        try {
            org.craftmark.server.marking.ScoringVectorsOverTheWireTestAccess.markConcurrently(server, vertx, season, example);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A figure from {@code /metrics} (Prometheus text: {@code name{labels} value}). */
    private static double metric(Api api, String name) {
        return api.get("/metrics", null).body().lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static JsonObject leaderboard(Api api, MarkingFixture season) {
        return api.get("/api/v1/events/" + season.eventId + "/leaderboard", null).json();
    }
}
