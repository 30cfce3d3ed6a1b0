package org.craftmark.server.http;

import io.vertx.ext.web.Router;

/** One resource's routes: each handler class lists its own and is mounted in {@link ApiVerticle}. */
public interface Routes {
    void mount(Router router, Blocking blocking);

    /** The WebSocket endpoints this resource serves (upgrades do not go through the router). */
    default java.util.List<WebSocketEndpoint<?>> webSockets() {
        return java.util.List.of();
    }
}
