package org.craftmark.judge.sdk;

import java.time.Duration;
import java.util.Objects;

/**
 * A change of the client's connection, for status lights and logs.
 *
 * @param state   the new state
 * @param cause   why it failed or dropped; null otherwise
 * @param retryIn when DISCONNECTED, the wait before the next attempt; null otherwise
 */
public record ConnectionChange(ConnectionState state, Throwable cause, Duration retryIn) {
    public ConnectionChange {
        Objects.requireNonNull(state, "state");
    }

    static ConnectionChange to(ConnectionState state) {
        return new ConnectionChange(state, null, null);
    }
}
