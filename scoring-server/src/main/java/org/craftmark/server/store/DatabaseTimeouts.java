package org.craftmark.server.store;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the server waits on the database before it gives up and answers 503 {@code UNAVAILABLE}:
 * a database that is down, unreachable or stalled (a half-open connection, a hung switch) must cost
 * a request seconds, never a worker thread for ever.
 *
 * @param connect    a new TCP connection to the database (Connector/J {@code connectTimeout})
 * @param socket     the longest silence on an open connection before it counts as dead (Connector/J
 *                   {@code socketTimeout}); longer than {@code query}, so a slow query is cancelled
 *                   by the server before its connection is given up on
 * @param query      the longest one statement may run (jOOQ's query timeout, JDBC {@code setQueryTimeout});
 *                   whole seconds
 * @param acquire    the longest wait for a connection from the pool (Hikari {@code connectionTimeout})
 * @param validation the check of an idle connection before it is handed out (Hikari {@code validationTimeout})
 */
public record DatabaseTimeouts(Duration connect, Duration socket, Duration query, Duration acquire, Duration validation) {
    /**
     * Generous for a loaded 2-core venue server, short enough that a stalled database shows as
     * 503 within seconds: the query bound (20 s) is below MariaDB's 50 s lock wait, so a request
     * stuck behind a lock is answered retryably rather than held.
     */
    public static final DatabaseTimeouts DEFAULT = new DatabaseTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30),
            Duration.ofSeconds(20), Duration.ofSeconds(5), Duration.ofSeconds(2));

    public DatabaseTimeouts {
        requirePositive(connect, "connect");
        requirePositive(socket, "socket");
        requirePositive(query, "query");
        requirePositive(acquire, "acquire");
        requirePositive(validation, "validation");
        if (query.toSeconds() < 1) {
            throw new IllegalArgumentException("the query timeout is in whole seconds, at least 1, not " + query);
        }
        if (socket.compareTo(query) <= 0) {
            throw new IllegalArgumentException("the socket timeout must be longer than the query timeout");
        }
        // Hikari's own floor: it refuses a shorter validation or acquire timeout.
        if (validation.toMillis() < 250 || acquire.toMillis() < 250) {
            throw new IllegalArgumentException("the validation and acquire timeouts are at least 250 ms");
        }
    }

    /** Whole seconds, as JDBC takes them. */
    public int querySeconds() {
        return Math.toIntExact(query.toSeconds());
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("the " + name + " timeout must be positive, not " + d);
        }
    }
}
