package org.craftmark.bench.intake;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.craftmark.server.Craftmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

/** {@code POST /api/v1/marks:batch}: steady batches, and many tablets flushing their outboxes at once. */
final class BatchLoad {
    /** A mass resync: wall time until every outbox is acknowledged, and marks stored more than once. */
    record Resync(double seconds, long duplicates) {
    }

    private static final int SIGNED_IN = 20;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Craftmark server;
    private final IntakeFixture fixture;
    private final BenchDatabase db;
    private final List<String> tokens;

    BatchLoad(Craftmark server, IntakeFixture fixture, BenchDatabase db) {
        this.server = server;
        this.fixture = fixture;
        this.db = db;
        // Signing in costs an Argon2 check each: a few judges' tokens serve every simulated tablet.
        this.tokens = fixture.seats().subList(0, Math.min(SIGNED_IN, fixture.seats().size())).parallelStream()
                .map(seat -> server.services().auth().login(seat.judge().username(), IntakeFixture.PASSWORD).token()).toList();
    }

    /** {@code clients} tablets each posting batches of {@code size} back to back for {@code seconds}. */
    double marksPerSecond(int clients, int size, double seconds) throws Exception {
        LongAdder accepted = new LongAdder();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        runAll(clients, c -> {
            while (System.nanoTime() < deadline) {
                accepted.add(post(c, outbox(c, size)).stream().filter(a -> "ACCEPTED".equals(a.getString("status"))).count());
            }
            return null;
        });
        double rate = accepted.sum() / ((System.nanoTime() - start) / 1e9);
        IntakeBench.log("marks:batch      %8.1f accepted marks/s (%d clients, %d marks per request)", rate, clients, size);
        return rate;
    }

    /**
     * Every client flushes its outbox in one request at the same moment; then one flushes again (its
     * acks were "lost") and must get DUPLICATE for each. Duplicates are stored rows beyond one per mark.
     */
    Resync resync(int clients, int size) throws Exception {
        long rowsBefore = markRows();
        List<JsonArray> outboxes = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            outboxes.add(outbox(c, size));
        }
        long start = System.nanoTime();
        List<List<JsonObject>> acks = runAll(clients, c -> post(c, outboxes.get(c)));
        double seconds = (System.nanoTime() - start) / 1e9;
        Set<Long> markIds = new HashSet<>();
        long refused = 0;
        for (List<JsonObject> answer : acks) {
            for (JsonObject ack : answer) {
                refused += "ACCEPTED".equals(ack.getString("status")) ? 0 : 1;
                markIds.add(ack.getLong("markId", -1L));
            }
        }
        long repeatedAccepted = post(0, outboxes.get(0)).stream().filter(a -> !"DUPLICATE".equals(a.getString("status"))).count();
        long stored = markRows() - rowsBefore;
        long expected = (long) clients * size;
        IntakeBench.log("resync           %d outboxes of %d marks in %.1f s: %d distinct markIds, %d rows stored, %d not accepted, "
                + "%d of the repeated outbox not DUPLICATE", clients, size, seconds, markIds.size(), stored, refused, repeatedAccepted);
        return new Resync(seconds, Math.max(0, stored - expected) + repeatedAccepted + (expected - markIds.size()));
    }

    private JsonArray outbox(int client, int size) {
        IntakeFixture.Seat seat = fixture.seats().get(client % tokens.size());
        JsonArray marks = new JsonArray();
        for (int i = 0; i < size; i++) {
            marks.add(seat.randomMark(UUID.randomUUID().toString()));
        }
        return marks;
    }

    private List<JsonObject> post(int client, JsonArray marks) throws Exception {
        String token = tokens.get(client % tokens.size());
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/marks:batch"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("marks", marks).encode())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("marks:batch answered " + response.statusCode() + ": " + response.body());
        }
        return new JsonObject(response.body()).getJsonArray("acks").stream().map(JsonObject.class::cast).toList();
    }

    private long markRows() throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM marks")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private interface Client<T> {
        T run(int client) throws Exception;
    }

    private static <T> List<T> runAll(int clients, Client<T> work) throws Exception {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<T>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                running.add(pool.submit(() -> work.run(client)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : running) {
                results.add(f.get());
            }
            return results;
        }
    }
}
