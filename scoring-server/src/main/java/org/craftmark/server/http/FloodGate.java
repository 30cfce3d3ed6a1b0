package org.craftmark.server.http;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * At most {@code limit} frames in any one second. Real elapsed time, not the contest clock: this
 * guards the server against a runaway client, whatever day the contest thinks it is.
 */
public final class FloodGate {
    private static final long ONE_SECOND = TimeUnit.SECONDS.toNanos(1);

    private final int limit;
    private final LongSupplier nanoTime;
    private final Deque<Long> recent = new ArrayDeque<>();

    public FloodGate(int limit, LongSupplier nanoTime) {
        this.limit = limit;
        this.nanoTime = nanoTime;
    }

    /** Counts one frame; false when it is one too many for the last second. */
    public synchronized boolean admit() {
        long now = nanoTime.getAsLong();
        while (!recent.isEmpty() && now - recent.peekFirst() >= ONE_SECOND) {
            recent.removeFirst();
        }
        recent.addLast(now);
        return recent.size() <= limit;
    }
}
