package org.craftmark.judge.sdk;

import io.vertx.core.Vertx;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** What {@link JudgeClient.Builder} collected; {@code vertx} is null when the client makes its own. */
record Settings(ServerAddress server, String username, String password, String deviceId, Path outbox,
                Clock clock, Backoff backoff, Vertx vertx, Duration pingInterval, int maxFramesPerSecond,
                Duration requestTimeout) {

    @Override
    public String toString() {
        return "Settings[server=" + server + ", username=" + username + ", deviceId=" + deviceId
                + ", outbox=" + outbox + "]"; // never the password
    }
}
