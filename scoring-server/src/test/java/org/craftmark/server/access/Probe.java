package org.craftmark.server.access;

import io.vertx.core.json.JsonObject;

import java.util.function.IntFunction;

/**
 * One request that exercises a route for the matrix: a concrete path over the seeded season and a
 * body made fresh per call ({@code n} is unique), valid enough to reach the permission check.
 * {@code destructive} probes change what later probes see, so they run last.
 */
record Probe(String method, String path, String contentType, IntFunction<String> body, boolean destructive) {
    static final String WEBSOCKET = "WS";

    static Probe get(String path) {
        return new Probe("GET", path, null, n -> null, false);
    }

    static Probe delete(String path) {
        return new Probe("DELETE", path, null, n -> null, true);
    }

    static Probe json(String method, String path, IntFunction<JsonObject> body) {
        return new Probe(method, path, "application/json", n -> body.apply(n).encode(), false);
    }

    static Probe post(String path, JsonObject body) {
        return json("POST", path, n -> body);
    }

    /** A WebSocket upgrade to {@code path} with the caller's ticket appended to {@code query}. */
    static Probe webSocket(String path, String query) {
        return new Probe(WEBSOCKET, path + "?" + query, null, n -> null, false);
    }

    Probe withMethod(String other) {
        return new Probe(other, path, contentType, body, destructive);
    }

    Probe destroying() {
        return new Probe(method, path, contentType, body, true);
    }
}
