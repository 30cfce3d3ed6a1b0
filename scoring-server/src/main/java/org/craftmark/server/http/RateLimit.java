package org.craftmark.server.http;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A per-client limit on a public endpoint (e.g. 30 verifications per 10 s): over it, 429
 * {@code RATE_LIMITED} with {@code Retry-After}. Clients are told apart by their address; in memory.
 */
public final class RateLimit {
    private static final int PRUNE_ABOVE = 10_000;

    private final int limit;
    private final Duration window;
    private final LongSupplier nanoTime;
    private final Map<String, SlidingWindow> clients = new ConcurrentHashMap<>();

    public RateLimit(int limit, Duration window, LongSupplier nanoTime) {
        this.limit = limit;
        this.window = window;
        this.nanoTime = nanoTime;
    }

    /** Counts a request of {@code client}; 429 when it is over the limit. */
    public void admit(String client) {
        if (clients.size() > PRUNE_ABOVE) {
            clients.values().removeIf(SlidingWindow::idle);
        }
        long wait = clients.computeIfAbsent(client, c -> new SlidingWindow(limit, window.toNanos(), nanoTime)).admit();
        if (wait > 0) {
            throw ApiException.rateLimited("Too many requests: at most " + limit + " every " + window.toSeconds() + " s.",
                    Duration.ofNanos(wait).plusSeconds(1).withNanos(0));
        }
    }
}
