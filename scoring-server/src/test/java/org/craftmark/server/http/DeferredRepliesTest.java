package org.craftmark.server.http;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Replies that wait for something other than a thread (a live frame) do not hold the worker pool. */
@DisplayName("Deferred replies")
class DeferredRepliesTest {
    private static final int WORKERS = 2;

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setWorkerPoolSize(WORKERS));
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @AfterEach
    void stop() {
        client.close();
        vertx.close().await();
    }

    @Test
    void repliesWaitingOnAFutureLeaveTheWorkersFreeForOtherRequests() throws Exception {
        Promise<Void> frameOut = Promise.promise();
        Blocking blocking = new Blocking(vertx);
        Router router = Router.router(vertx);
        router.get("/waits").handler(blocking.deferred(ctx -> frameOut.future().map(v -> Reply.ok(new JsonObject().put("shown", true)))));
        router.get("/now").handler(blocking.handler(ctx -> Reply.ok(new JsonObject().put("now", true))));
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0).await();
        String base = "http://127.0.0.1:" + server.actualPort();

        List<CompletableFuture<HttpResponse<String>>> waiting = IntStream.range(0, WORKERS * 3)
                .mapToObj(i -> client.sendAsync(get(base + "/waits"), HttpResponse.BodyHandlers.ofString())).toList();
        HttpResponse<String> meanwhile = client.send(get(base + "/now"), HttpResponse.BodyHandlers.ofString());

        assertThat(meanwhile.statusCode()).as("answered while three times the pool's requests wait").isEqualTo(200);
        assertThat(waiting).noneMatch(CompletableFuture::isDone);
        frameOut.complete();
        assertThat(waiting).allSatisfy(reply -> assertThat(new JsonObject(reply.get().body()).getBoolean("shown")).isTrue());
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET().build();
    }
}
