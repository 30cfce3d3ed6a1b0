package org.craftmark.server.http;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;

/**
 * At most {@code limit} events in any window of {@code windowNanos}, counted as they arrive. Real
 * elapsed time (a nano clock), not the contest clock: limits guard the server, whatever day the
 * contest thinks it is.
 */
final class SlidingWindow {
    private final int limit;
    private final long windowNanos;
    private final LongSupplier nanoTime;
    private final Deque<Long> recent = new ArrayDeque<>();

    SlidingWindow(int limit, long windowNanos, LongSupplier nanoTime) {
        this.limit = limit;
        this.windowNanos = windowNanos;
        this.nanoTime = nanoTime;
    }

    /** Counts one event; answers 0 when it fits, else the nanoseconds until one would. */
    synchronized long admit() {
        long now = nanoTime.getAsLong();
        while (!recent.isEmpty() && now - recent.peekFirst() >= windowNanos) {
            recent.removeFirst();
        }
        if (recent.size() >= limit) {
            return windowNanos - (now - recent.peekFirst());
        }
        recent.addLast(now);
        return 0;
    }

    /** True when nothing was counted within the window: the window can be forgotten. */
    synchronized boolean idle() {
        return recent.isEmpty() || nanoTime.getAsLong() - recent.peekLast() >= windowNanos;
    }
}
