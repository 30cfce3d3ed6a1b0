package org.craftmark.server.marking;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.craftmark.server.testing.Api;
import org.craftmark.server.testing.JudgeSocket;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every published scoring example, marked for real: each judge's marks travel over its own
 * WebSocket (judges 1–3, paced as tablets are) or the batch endpoint (judge 0, who gives the most
 * marks, and the rest), all judges at once; then the REST leaderboard must show exactly the rows
 * and prizes the example predicts.
 */
@DisplayName("The published scoring examples, marked through the API")
class ScoringVectorsOverTheWireTest extends OnEveryBackend {
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
    void everyCaseMarkedByConcurrentJudgesGivesThePredictedLeaderboard() throws Exception {
        List<String> failures = new ArrayList<>();
        for (JsonNode example : VectorCases.all()) {
            String name = example.get("name").asText();
            MarkingFixture season = VectorCases.setUp(server, example, name);
            markConcurrently(server, vertx, season, example);
            VectorCases.applyStatuses(season, example);
            JsonObject board = server.api().get("/api/v1/events/" + season.eventId + "/leaderboard", null).json();
            failures.addAll(VectorCases.compare(name, example.get("expect"), board.getJsonArray("rows")));
        }
        assertThat(failures).isEmpty();
    }

    /** Judge i gives the i-th mark of every list; all judges work at once, judges 1–3 over WebSockets. */
    static void markConcurrently(TestServer server, Vertx vertx, MarkingFixture season, JsonNode example) throws Exception {
        List<String> judges = new ArrayList<>(season.judges.keySet());
        ExecutorService pool = Executors.newFixedThreadPool(judges.size());
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int i = 0; i < judges.size(); i++) {
                int judge = i;
                List<JsonObject> marks = VectorCases.marksOf(season, example, judge);
                results.add(pool.submit(() -> judge >= 1 && judge <= 3
                        ? overWebSocket(server, vertx, judges.get(judge), marks) : overBatch(server, judges.get(judge), marks)));
            }
            for (Future<List<String>> result : results) {
                assertThat(result.get(5, TimeUnit.MINUTES)).as("acks").allMatch("ACCEPTED"::equals);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> overWebSocket(TestServer server, Vertx vertx, String judge, List<JsonObject> marks) {
        try (JudgeSocket socket = JudgeSocket.connect(vertx, server.api(), judge, MarkingFixture.JUDGE_PASSWORD)) {
            return socket.markAllPaced(marks).stream()
                    .map(ack -> ack.getString("status") + (ack.containsKey("error") ? " " + ack.getJsonObject("error").encode() : ""))
                    .toList();
        }
    }

    private static List<String> overBatch(TestServer server, String judge, List<JsonObject> marks) {
        Api api = server.api();
        String token = api.token(judge, MarkingFixture.JUDGE_PASSWORD);
        Api.Response response = api.post("/api/v1/marks:batch", new JsonObject().put("marks", new JsonArray(new ArrayList<>(marks))), token);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().getJsonArray("acks").stream().map(a -> ((JsonObject) a).getString("status")).toList();
    }
}
