package org.craftmark.server.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Routes WebSocket upgrades to their endpoints before any handshake: the request is held (paused)
 * while the endpoint decides on a worker thread (tickets, visibility), then upgraded with
 * {@code toWebSocket()} or refused as a plain HTTP answer in the contract's error shape, with
 * {@code Retry-After} when the refusal is temporary. (Vert.x's handshake handler can refuse with a
 * bare status only.) Admissions wait for a worker under the same {@link WorkLimit} as requests, so a
 * flood of upgrades cannot queue without end either.
 */
final class WebSockets {
    private static final Logger LOG = LoggerFactory.getLogger(WebSockets.class);

    private final Vertx vertx;
    private final List<WebSocketEndpoint<?>> endpoints;
    private final OriginPolicy origins;
    private final WorkLimit workLimit;

    WebSockets(Vertx vertx, List<WebSocketEndpoint<?>> endpoints, OriginPolicy origins, WorkLimit workLimit) {
        this.vertx = vertx;
        this.endpoints = List.copyOf(endpoints);
        this.origins = origins;
        this.workLimit = workLimit;
    }

    /** Whether {@code request} asks for a WebSocket: then it is this class's, not the router's. */
    static boolean isUpgrade(HttpServerRequest request) {
        return request.canUpgradeToWebSocket();
    }

    void handle(HttpServerRequest request) {
        String origin = request.getHeader("Origin");
        if (!origins.admits(origin, request.getHeader("Host"))) {
            // Refused before the ticket is even read, so a hostile page cannot use a ticket up.
            LOG.info("WebSocket upgrade of {} refused: origin {} is not allowed", request.path(), origin);
            refuse(request, ApiException.forbidden("Pages of this origin may not open this WebSocket."));
            return;
        }
        endpoints.stream().filter(e -> e.path().equals(request.path())).findFirst().ifPresentOrElse(
                endpoint -> reserve(request, endpoint),
                () -> refuse(request, ApiException.notFound("The WebSocket " + request.path())));
    }

    private <A> void reserve(HttpServerRequest request, WebSocketEndpoint<A> endpoint) {
        SocketLimit.Slot slot;
        try {
            slot = endpoint.reserve(request.remoteAddress() == null ? "" : request.remoteAddress().hostAddress());
        } catch (ApiException refusal) {
            refuse(request, refusal);
            return;
        }
        if (!workLimit.tryAcquire()) {
            slot.release();
            refuse(request, WorkLimit.busy());
            return;
        }
        admit(request, endpoint, slot);
    }

    private <A> void admit(HttpServerRequest request, WebSocketEndpoint<A> endpoint, SocketLimit.Slot slot) {
        Map<String, String> query = query(request.query());
        // Held until decided, so the request's end waits for toWebSocket() instead of passing it by.
        request.pause();
        vertx.executeBlocking(() -> endpoint.admit(query), false).onComplete(result -> {
            workLimit.release();
            if (result.failed()) {
                slot.release();
                refuse(request, ErrorResponses.toApiException(result.cause(), "upgrade of " + endpoint.path()));
                return;
            }
            request.toWebSocket()
                    .onSuccess(socket -> endpoint.open(socket, result.result(), slot))
                    .onFailure(e -> {
                        slot.release();
                        LOG.debug("upgrade of {} failed: {}", endpoint.path(), e.getMessage());
                    });
        });
    }

    private static void refuse(HttpServerRequest request, ApiException refusal) {
        request.resume();
        SecurityHeaders.apply(request.response());
        ErrorResponses.write(request, refusal);
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
