package org.craftmark.server.http;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocketHandshake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Routes WebSocket upgrades to their endpoints through Vert.x's handshake API, so an upgrade can
 * be accepted or refused after asynchronous checks (tickets, visibility) without racing the request.
 */
final class WebSockets implements Handler<ServerWebSocketHandshake> {
    private static final Logger LOG = LoggerFactory.getLogger(WebSockets.class);

    private final Vertx vertx;
    private final List<WebSocketEndpoint<?>> endpoints;
    private final OriginPolicy origins;

    WebSockets(Vertx vertx, List<WebSocketEndpoint<?>> endpoints, OriginPolicy origins) {
        this.vertx = vertx;
        this.endpoints = List.copyOf(endpoints);
        this.origins = origins;
    }

    @Override
    public void handle(ServerWebSocketHandshake handshake) {
        String origin = handshake.headers().get("Origin");
        if (!origins.admits(origin, handshake.headers().get("Host"))) {
            // Refused before the ticket is even read, so a hostile page cannot use a ticket up.
            LOG.info("WebSocket upgrade of {} refused: origin {} is not allowed", handshake.path(), origin);
            handshake.reject(403);
            return;
        }
        endpoints.stream().filter(e -> e.path().equals(handshake.path())).findFirst().ifPresentOrElse(
                endpoint -> admit(handshake, endpoint),
                () -> handshake.reject(404));
    }

    private <A> void admit(ServerWebSocketHandshake handshake, WebSocketEndpoint<A> endpoint) {
        Map<String, String> query = query(handshake.query());
        vertx.executeBlocking(() -> endpoint.admit(query), false).onComplete(result -> {
            if (result.failed()) {
                ApiException refusal = ErrorResponses.toApiException(result.cause(), "upgrade of " + endpoint.path());
                handshake.reject(refusal.status());
                return;
            }
            handshake.accept()
                    .onSuccess(socket -> endpoint.open(socket, result.result()))
                    .onFailure(e -> LOG.debug("upgrade of {} failed: {}", endpoint.path(), e.getMessage()));
        });
    }

    /** The first value of each parameter; never logged, since it may hold a ticket. */
    static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.putIfAbsent(name, value);
        }
        return params;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
