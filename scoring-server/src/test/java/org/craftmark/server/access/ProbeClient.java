package org.craftmark.server.access;

import io.vertx.core.json.JsonObject;
import org.craftmark.server.testing.Api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionException;

/** Sends a {@link Probe} as a caller and answers the HTTP status (a WebSocket upgrade answers 101). */
final class ProbeClient {
    static final int UPGRADED = 101;

    private final Api api;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ProbeClient(Api api) {
        this.api = api;
    }

    record Answer(int status, String body) {
        String errorCode() {
            return new JsonObject(body).getJsonObject("error").getString("code");
        }
    }

    Answer send(Probe probe, String token, int n) {
        return probe.method().equals(Probe.WEBSOCKET) ? upgrade(probe, token) : request(probe, token, n);
    }

    private Answer request(Probe probe, String token, int n) {
        String body = probe.body().apply(n);
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(api.baseUrl() + probe.path())).timeout(Duration.ofSeconds(60))
                .method(probe.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (probe.contentType() != null) {
            builder.header("Content-Type", probe.contentType());
        }
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(probe.method() + " " + probe.path() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The caller's own one-time ticket (none for the public), then the upgrade. */
    private Answer upgrade(Probe probe, String token) {
        String query = probe.path();
        if (token != null) {
            String ticket = api.post("/api/v1/auth/ws-ticket", new JsonObject(), token).json().getString("ticket");
            query += (query.endsWith("?") ? "" : "&") + "ticket=" + ticket;
        }
        URI uri = URI.create(api.baseUrl().replaceFirst("^http", "ws") + query);
        try {
            WebSocket socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(uri, new WebSocket.Listener() { }).join();
            socket.abort();
            return new Answer(UPGRADED, "");
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return new Answer(refused.getResponse().statusCode(), "");
            }
            throw e;
        }
    }
}
