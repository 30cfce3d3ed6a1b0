package org.craftmark.server.http;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most {@code max} requests of one server waiting for or running on a worker thread. Vert.x's
 * worker queue has no bound of its own: under a flood (or while the database is slow) every request
 * would wait there, holding its body and its connection, and memory would grow without end. Past the
 * bound a request is answered 503 {@code UNAVAILABLE} with {@code Retry-After} at once, by the event
 * loop, without touching the database.
 */
public final class WorkLimit {
    /**
     * Far above what the 20 worker threads and the 16 database connections get through in a second
     * or two, so a busy hall never sees it; 256 bodies of at most 1 MiB bound the memory it holds.
     */
    public static final int DEFAULT_MAX_IN_FLIGHT = 256;
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final int max;
    private final AtomicInteger inFlight = new AtomicInteger();

    public WorkLimit(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("the limit is at least 1 request");
        }
        this.max = max;
    }

    /** Takes a place, or answers false when all {@code max} are taken; give it back with {@link #release()}. */
    boolean tryAcquire() {
        while (true) {
            int now = inFlight.get();
            if (now >= max) {
                return false;
            }
            if (inFlight.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    void release() {
        inFlight.decrementAndGet();
    }

    public int inFlight() {
        return inFlight.get();
    }

    static ApiException busy() {
        return ApiException.unavailable("The server is busy; try again shortly.", RETRY_AFTER);
    }
}
