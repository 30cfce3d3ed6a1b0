package org.craftmark.server.marking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.DeserializationFeature;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.craftmark.core.contest.EntryStatus;
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

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every published scoring example, marked for real: each judge's marks travel over its own
 * WebSocket (judges 1–3, paced as tablets are) or the batch endpoint (judge 0, who gives the most
 * marks, and the rest), all judges at once; then the
 * REST leaderboard must show exactly the rows and prizes the example predicts.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(Backend.class)
@DisplayName("The published scoring examples, marked through the API")
class ScoringVectorsOverTheWireTest {
    private static final int WEBSOCKET_JUDGES = 3;
    private static final int MIN_JUDGES = 5;

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

    @Test
    void everyCaseMarkedByConcurrentJudgesGivesThePredictedLeaderboard() throws Exception {
        List<String> failures = new ArrayList<>();
        for (JsonNode example : examples()) {
            failures.addAll(markAndCompare(example));
        }
        assertThat(failures).isEmpty();
    }

    private List<String> markAndCompare(JsonNode example) throws Exception {
        String name = example.get("name").asText();
        List<String> bibs = new ArrayList<>();
        example.get("entries").forEach(e -> bibs.add(e.get("bib").asText()));
        int judgeCount = Math.max(MIN_JUDGES, maxMarks(example));
        List<String> judges = new ArrayList<>();
        for (int i = 0; i < judgeCount; i++) {
            judges.add(name + "-j" + i);
        }
        MarkingFixture season = MarkingFixture.create(server, criteria(example.get("scheme")), tieBreak(example.get("scheme")), bibs, judges);
        for (JsonNode entry : example.get("entries")) {
            if (!entry.get("seconds").isNull()) {
                season.setCompletionTime(entry.get("bib").asText(), entry.get("seconds").asInt());
            }
        }
        markConcurrently(season, example, judges);
        for (JsonNode entry : example.get("entries")) {
            EntryStatus status = EntryStatus.valueOf(entry.get("status").asText());
            if (status != EntryStatus.ACTIVE) {
                season.setStatus(entry.get("bib").asText(), status);
            }
        }
        return compare(name, example.get("expect"), server.api().get("/api/v1/events/" + season.eventId + "/leaderboard", null).json());
    }

    /** Judge i gives the i-th mark of every list; all judges work at once. */
    private void markConcurrently(MarkingFixture season, JsonNode example, List<String> judges) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(judges.size());
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int i = 0; i < judges.size(); i++) {
                int judge = i;
                List<JsonObject> marks = marksOf(season, example, judge);
                results.add(pool.submit(() -> judge >= 1 && judge <= WEBSOCKET_JUDGES
                        ? overWebSocket(judges.get(judge), marks) : overBatch(judges.get(judge), marks)));
            }
            for (Future<List<String>> result : results) {
                assertThat(result.get(5, TimeUnit.MINUTES)).as("acks").allMatch("ACCEPTED"::equals);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<JsonObject> marksOf(MarkingFixture season, JsonNode example, int judge) {
        List<JsonObject> marks = new ArrayList<>();
        for (JsonNode entry : example.get("entries")) {
            entry.get("marks").fields().forEachRemaining(criterion -> {
                if (criterion.getValue().size() > judge) {
                    marks.add(new JsonObject().put("type", "mark").put("clientMarkId", UUID.randomUUID().toString())
                            .put("eventId", season.eventId).put("entryId", season.entry(entry.get("bib").asText()))
                            .put("criterion", criterion.getKey()).put("value", criterion.getValue().get(judge).decimalValue()));
                }
            });
        }
        return marks;
    }

    private static List<String> overWebSocket(String judge, List<JsonObject> marks) {
        try (JudgeSocket socket = JudgeSocket.connect(vertx, server.api(), judge, MarkingFixture.JUDGE_PASSWORD)) {
            return socket.markAllPaced(marks).stream()
                    .map(ack -> ack.getString("status") + (ack.containsKey("error") ? " " + ack.getJsonObject("error").encode() : ""))
                    .toList();
        }
    }

    private static List<String> overBatch(String judge, List<JsonObject> marks) {
        Api api = server.api();
        String token = api.token(judge, MarkingFixture.JUDGE_PASSWORD);
        Api.Response response = api.post("/api/v1/marks:batch", new JsonObject().put("marks", new JsonArray(new ArrayList<>(marks))), token);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().getJsonArray("acks").stream().map(a -> ((JsonObject) a).getString("status")).toList();
    }

    private static List<String> compare(String name, JsonNode expect, JsonObject board) {
        List<String> failures = new ArrayList<>();
        JsonArray rows = board.getJsonArray("rows");
        JsonNode expected = expect.get("rows");
        if (rows.size() != expected.size()) {
            return List.of(name + ": " + rows.size() + " rows, expected " + expected.size());
        }
        for (int index = 0; index < rows.size(); index++) {
            int i = index;
            JsonObject row = rows.getJsonObject(i);
            JsonNode want = expected.get(i);
            String bib = want.get("bib").asText();
            check(failures, name, i, "bib", bib, row.getString("bib"));
            check(failures, name, i, "rank", want.get("rank").isNull() ? null : want.get("rank").asInt(), row.getInteger("rank"));
            check(failures, name, i, "total", want.get("total").decimalValue().stripTrailingZeros(), decimal(row.getValue("total")));
            check(failures, name, i, "complete", want.get("complete").asBoolean(), row.getBoolean("complete"));
            check(failures, name, i, "status", want.get("status").asText(), row.getString("status"));
            want.get("modules").fields().forEachRemaining(m -> check(failures, name, i, "modules." + m.getKey(),
                    m.getValue().decimalValue().stripTrailingZeros(), decimal(row.getJsonObject("modules").getValue(m.getKey()))));
            check(failures, name, i, "modules", want.get("modules").size(), row.getJsonObject("modules").size());
            JsonNode prize = expect.get("prizes").get(bib);
            check(failures, name, i, "prize", prize == null || prize.isNull() ? null : prize.asText(), row.getString("prize"));
        }
        return failures;
    }

    private static void check(List<String> failures, String name, int row, String field, Object expected, Object actual) {
        if (!java.util.Objects.equals(expected, actual)) {
            failures.add(name + " row " + row + " " + field + ": expected " + expected + " but was " + actual);
        }
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? null : new BigDecimal(value.toString()).stripTrailingZeros();
    }

    private static int maxMarks(JsonNode example) {
        int max = 0;
        for (JsonNode entry : example.get("entries")) {
            for (JsonNode marks : entry.get("marks")) {
                max = Math.max(max, marks.size());
            }
        }
        return max;
    }

    private static List<Criterion> criteria(JsonNode scheme) {
        List<Criterion> criteria = new ArrayList<>();
        for (JsonNode c : scheme.get("criteria")) {
            criteria.add(new Criterion(c.get("code").asText(), c.get("module").asText(), c.get("name").asText(),
                    Kind.valueOf(c.get("kind").asText()), c.get("maxMark").decimalValue(), Method.valueOf(c.get("method").asText()),
                    c.get("judges").asInt(), c.has("trim") ? c.get("trim").asInt() : Criterion.DEFAULT_TRIM));
        }
        return criteria;
    }

    private static List<String> tieBreak(JsonNode scheme) {
        List<String> tieBreak = new ArrayList<>();
        scheme.get("tieBreak").forEach(t -> tieBreak.add(t.asText()));
        return tieBreak;
    }

    private static JsonNode examples() throws IOException {
        try (InputStream in = ScoringVectorsOverTheWireTest.class.getResourceAsStream("/vectors/scoring.json")) {
            return new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(in);
        }
    }
}
