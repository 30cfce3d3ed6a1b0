package org.craftmark.server.live;

import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;

/**
 * One screen watching one event. A screen that cannot keep up (its write queue is full) skips
 * frames and, once its queue drains, gets a fresh snapshot: memory stays bounded and nobody waits
 * for the slowest phone in the hall.
 */
final class LiveSubscriber {
    private final ServerWebSocket socket;
    private volatile boolean behind;

    LiveSubscriber(ServerWebSocket socket) {
        this.socket = socket;
    }

    void deliver(JsonObject delta, EventFeed feed) {
        if (behind || socket.isClosed()) {
            return;
        }
        if (socket.writeQueueFull()) {
            behind = true;
            socket.drainHandler(v -> feed.resync(this));
            return;
        }
        send(delta);
    }

    /** Called under the feed's lock, just before the catch-up snapshot. */
    void caughtUp() {
        behind = false;
    }

    void send(JsonObject frame) {
        if (!socket.isClosed()) {
            socket.writeTextMessage(frame.encode());
        }
    }
}
