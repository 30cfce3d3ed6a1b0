package org.craftmark.server.http;

import io.vertx.core.http.ServerWebSocket;

import java.util.Map;

/**
 * A WebSocket endpoint. Its upgrade is decided before the handshake completes: {@link #reserve}
 * runs first on the event loop (cheap bounds, no I/O), then {@link #admit} on a worker thread (it
 * may read the database) answers what the connection needs; either refuses the upgrade as plain
 * HTTP in the error shape (401, 403, 404, 429, 503…) by throwing an {@link ApiException}.
 */
public interface WebSocketEndpoint<A> {

    /** The request path, e.g. {@code /ws/live}. */
    String path();

    /**
     * Takes this connection's place among the endpoint's bounded resources (open sockets, opens per
     * address) before anything costly is done for it; the slot is given back by the caller if the
     * upgrade does not happen, and by the endpoint once the socket closes.
     *
     * @param clientAddress the peer's IP address
     */
    default SocketLimit.Slot reserve(String clientAddress) {
        return SocketLimit.Slot.NONE;
    }

    A admit(Map<String, String> query);

    /** Called on the connection's event loop once the upgrade is done. */
    void open(ServerWebSocket socket, A admission);

    /** {@link #open(ServerWebSocket, Object)} with the slot {@link #reserve} took, to give back when the socket closes. */
    default void open(ServerWebSocket socket, A admission, SocketLimit.Slot slot) {
        open(socket, admission);
    }
}
