package org.craftmark.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.craftmark.server.Craftmark;
import org.craftmark.server.config.ServerConfig;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Marking throughput and live-feed latency, each as a ratio to a baseline measured in the same run.
 * See bench/README.md.
 */
public final class Bench {
    private static final String ADMIN_PASSWORD = "bench-admin-1";
    private static final int SCREENS = 100;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    private Bench(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        Optional<String> db = option(args, "--db");
        String user = option(args, "--db-user").orElse("");
        String password = option(args, "--db-password").orElse("");
        Path dataDir = Files.createTempDirectory("craftmark-bench-");
        ServerConfig config = new ServerConfig(0, dataDir, db, user, password, Optional.of(ADMIN_PASSWORD), null);
        try (Craftmark server = Craftmark.start(config, Clock.systemUTC())) {
            Bench bench = new Bench("http://127.0.0.1:" + server.port());
            BenchEvent event = BenchEvent.create(server.services());
            bench.run(event);
        }
        System.exit(0);
    }

    private void run(BenchEvent event) throws Exception {
        String admin = token("admin", ADMIN_PASSWORD);
        String judge = token(BenchEvent.JUDGE, BenchEvent.JUDGE_PASSWORD);
        warmUp(event, judge);
        double baseline = perSecond(2_000, () -> get("/health", null));
        double leaderboard = perSecond(2_000, () -> get("/api/v1/events/" + event.eventId() + "/leaderboard", admin));
        double batch = marksPerSecond(event, judge, 500, 8);
        double single = marksPerSecond(event, judge, 1, 300);
        double latency = liveLatencyMillis(event, judge, admin);
        double baselineMillis = 1000 / baseline;
        System.out.println();
        System.out.println("Craftmark benchmark (ratios to the baseline of this run)");
        row("baseline: GET /health", baseline, "req/s", 1);
        row("GET leaderboard", leaderboard, "req/s", leaderboard / baseline);
        row("marks via batch of 500", batch, "marks/s", batch / baseline);
        row("marks one per request", single, "marks/s", single / baseline);
        row("live latency, " + SCREENS + " screens", latency, "ms", latency / baselineMillis);
    }

    private void warmUp(BenchEvent event, String judge) throws Exception {
        for (int i = 0; i < 200; i++) {
            get("/health", null);
        }
        postMarks(event, judge, 50);
    }

    private double marksPerSecond(BenchEvent event, String judge, int perRequest, int requests) throws Exception {
        long started = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            postMarks(event, judge, perRequest);
        }
        return perRequest * requests / seconds(started);
    }

    /** A batch, then the time until every screen has applied the frame that carries it. */
    private double liveLatencyMillis(BenchEvent event, String judge, String admin) throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            List<Screen> screens = new ArrayList<>();
            for (int i = 0; i < SCREENS; i++) {
                screens.add(Screen.open(vertx, base, event.eventId()));
            }
            long seq = leaderboardSeq(event, admin);
            screens.forEach(s -> s.awaitSeq(seq));
            List<Double> samples = new ArrayList<>();
            for (int round = 0; round < 10; round++) {
                postMarks(event, judge, 20);
                long started = System.nanoTime();
                long target = leaderboardSeq(event, admin);
                screens.forEach(s -> s.awaitSeq(target));
                samples.add((System.nanoTime() - started) / 1e6);
            }
            screens.forEach(Screen::close);
            samples.sort(Double::compare);
            return samples.get(samples.size() / 2);
        } finally {
            vertx.close().await();
        }
    }

    private long leaderboardSeq(BenchEvent event, String token) throws IOException, InterruptedException {
        return new JsonObject(get("/api/v1/events/" + event.eventId() + "/leaderboard", token)).getLong("seq");
    }

    private void postMarks(BenchEvent event, String judge, int count) throws IOException, InterruptedException {
        JsonArray marks = new JsonArray();
        for (int i = 0; i < count; i++) {
            marks.add(event.randomMark(UUID.randomUUID().toString()));
        }
        HttpResponse<String> response = http.send(request("/api/v1/marks:batch", judge)
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("marks", marks).encode()))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("batch refused: " + response.body());
        }
    }

    private String token(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request("/api/v1/auth/login", null)
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("username", username).put("password", password).encode()))
                .build(), HttpResponse.BodyHandlers.ofString());
        return new JsonObject(response.body()).getString("token");
    }

    private String get(String path, String token) throws IOException, InterruptedException {
        return http.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private interface Call {
        void run() throws Exception;
    }

    private static double perSecond(int times, Call call) throws Exception {
        long started = System.nanoTime();
        for (int i = 0; i < times; i++) {
            call.run();
        }
        return times / seconds(started);
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static void row(String what, double value, String unit, double ratio) {
        System.out.printf(Locale.ROOT, "  %-34s %10.1f %-8s ratio %7.3f%n", what, value, unit, ratio);
    }

    private static Optional<String> option(String[] args, String name) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Optional.of(args[i + 1]);
            }
        }
        return Optional.empty();
    }

    /** A screen on /ws/live that only tracks the newest seq it has seen. */
    /** {@code client} is held so it lives as long as the screen: Vert.x closes a collected client. */
    private record Screen(WebSocketClient client, ClientWebSocket socket, AtomicLong seq, Object lock) {
        static Screen open(Vertx vertx, String base, long eventId) {
            URI uri = URI.create(base);
            WebSocketClient client = vertx.createWebSocketClient();
            ClientWebSocket socket = client.webSocket();
            Screen screen = new Screen(client, socket, new AtomicLong(-1), new Object());
            socket.textMessageHandler(text -> {
                screen.seq().set(new JsonObject(text).getLong("seq"));
                synchronized (screen.lock()) {
                    screen.lock().notifyAll();
                }
            });
            socket.connect(new WebSocketConnectOptions().setHost(uri.getHost()).setPort(uri.getPort())
                    .setURI("/ws/live?eventId=" + eventId)).await();
            return screen;
        }

        void awaitSeq(long wanted) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            synchronized (lock) {
                while (seq.get() < wanted && System.nanoTime() < deadline) {
                    try {
                        lock.wait(10);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }

        void close() {
            socket.close();
            client.close();
        }
    }
}
