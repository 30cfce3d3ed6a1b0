package org.craftmark.bench.fanout;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.craftmark.bench.BenchEvent;
import org.craftmark.server.Craftmark;
import org.craftmark.server.config.LiveSettings;
import org.craftmark.server.config.ServerConfig;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;

/**
 * Craftmark under test, as its own process: a server (H2 in a temporary directory, or
 * {@code <db> <user>}), one running event, and a judge marking it steadily (one mark every
 * 25 ms, so every 250 ms window has changes to publish). Prints {@code READY <port> <eventId>}.
 */
public final class CraftmarkNode {
    private static final String ADMIN_PASSWORD = "bench-admin-1";
    private static final long MARK_EVERY_MILLIS = 25;
    private static final int MAX_IN_FLIGHT = 64;

    private CraftmarkNode() {
    }

    public static void main(String[] args) throws Exception {
        Optional<String> db = args.length > 0 ? Optional.of(args[0]) : Optional.empty();
        String user = args.length > 1 ? args[1] : "";
        // Every subscriber comes from the load generator's one address: the per-address limit (there
        // for a hall behind NAT, which this is not) is off, as behind a load balancer.
        ServerConfig config = new ServerConfig(0, Files.createTempDirectory("craftmark-fanout-"), db, user, "",
                Optional.of(ADMIN_PASSWORD), null).withLive(new LiveSettings(LiveSettings.DEFAULT_MAX_SCREENS, 0));
        Craftmark server = Craftmark.start(config, Clock.systemUTC());
        BenchEvent event = BenchEvent.create(server.services());
        String base = "http://127.0.0.1:" + server.port();
        HttpClient http = HttpClient.newHttpClient();
        String token = login(http, base);
        System.out.println("READY " + server.port() + " " + event.eventId());
        // Marks are sent without waiting for the previous answer, as a tablet pipelines its queue: an
        // ack waits for the frame that carries the mark, and at 10,000 screens that frame takes a
        // while to go out; a driver that waited would leave windows with nothing to publish.
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        while (true) {
            long started = System.nanoTime();
            if (inFlight.tryAcquire()) {
                JsonObject body = new JsonObject().put("marks", new JsonArray().add(event.randomMark(UUID.randomUUID().toString())));
                http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/v1/marks:batch")).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.encode())).build(),
                        HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> inFlight.release());
            }
            long left = MARK_EVERY_MILLIS - (System.nanoTime() - started) / 1_000_000;
            if (left > 0) {
                Thread.sleep(left); // pacing the offered load, not waiting for a result
            }
        }
    }

    private static String login(HttpClient http, String base) throws Exception {
        JsonObject credentials = new JsonObject().put("username", BenchEvent.JUDGE).put("password", BenchEvent.JUDGE_PASSWORD);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(credentials.encode())).build(),
                HttpResponse.BodyHandlers.ofString());
        return new JsonObject(response.body()).getString("token");
    }
}
