package org.craftmark.server.http;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/** At most {@code limit} frames in any one second on one connection. */
public final class FloodGate {
    private final SlidingWindow window;

    public FloodGate(int limit, LongSupplier nanoTime) {
        this.window = new SlidingWindow(limit, TimeUnit.SECONDS.toNanos(1), nanoTime);
    }

    /** Counts one frame; false when it is one too many for the last second. */
    public boolean admit() {
        return window.admit() == 0;
    }
}
