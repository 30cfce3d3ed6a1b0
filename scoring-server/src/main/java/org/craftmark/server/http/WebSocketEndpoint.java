package org.craftmark.server.http;

import io.vertx.core.http.ServerWebSocket;

import java.util.Map;

/**
 * A WebSocket endpoint. Its upgrade is decided before the handshake completes: {@link #admit} runs
 * on a worker thread (it may read the database) and answers what the connection needs, or throws
 * an {@link ApiException} whose status refuses the upgrade as plain HTTP (401, 403, 404…).
 */
public interface WebSocketEndpoint<A> {

    /** The request path, e.g. {@code /ws/live}. */
    String path();

    A admit(Map<String, String> query);

    /** Called on the connection's event loop once the upgrade is done. */
    void open(ServerWebSocket socket, A admission);
}
