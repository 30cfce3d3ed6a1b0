package org.craftmark.server.faults;

import io.vertx.core.json.JsonObject;
import org.craftmark.server.testing.Api;
import org.craftmark.server.testing.TestServer;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTP requests sent while the database is out: a batch of marks, which must be refused 503
 * {@code UNAVAILABLE}, and sign-in, a socket ticket and the reads a venue's screens and the chief
 * make, each answered 503 {@code UNAVAILABLE} or 200 (from what the server holds in memory), never 500.
 */
final class RequestsDuringOutage {
    private final Api api;
    private final String admin;
    private final String judge;
    private final long eventId;

    /** Signs in while the database is still up: tokens are needed to reach past authentication. */
    RequestsDuringOutage(TestServer server, String judgeName, String judgePassword, long eventId) {
        this.api = server.api();
        this.admin = api.token("admin", TestServer.ADMIN_PASSWORD);
        this.judge = api.token(judgeName, judgePassword);
        this.eventId = eventId;
    }

    void assertRetryable(String during) throws InterruptedException, ExecutionException {
        Api.Response batch = api.postRaw("/api/v1/marks:batch", "{\"marks\":[]}", "application/json", judge);
        assertThat(batch.status()).as("marks:batch during the " + during + ": " + batch.body()).isEqualTo(503);
        assertThat(batch.errorCode()).isEqualTo("UNAVAILABLE");
        for (Future<Api.Response> answer : sendAtOnce()) {
            Api.Response response = answer.get();
            String what = response.raw().request().method() + " " + response.raw().uri().getPath() + " during the " + during;
            assertThat(response.status()).as(what + ": " + response.body()).isIn(200, 503);
            if (response.status() == 503) {
                assertThat(response.errorCode()).as(what).isEqualTo("UNAVAILABLE");
            }
        }
    }

    /** All at once: one after another, each waiting out the pool's acquire timeout, they would take half a minute. */
    private List<Future<Api.Response>> sendAtOnce() throws InterruptedException {
        List<Callable<Api.Response>> requests = List.of(
                () -> api.login("admin", TestServer.ADMIN_PASSWORD),
                () -> api.post("/api/v1/auth/ws-ticket", new JsonObject(), judge),
                () -> api.get("/api/v1/events/" + eventId + "/leaderboard", admin),
                () -> api.get("/api/v1/events/" + eventId + "/entries", admin),
                () -> api.get("/api/v1/events/" + eventId + "/progress", admin),
                () -> api.get("/api/v1/contests", admin),
                () -> api.get("/api/v1/audit/verify", admin));
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            return threads.invokeAll(requests);
        }
    }
}
