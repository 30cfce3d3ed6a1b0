package org.craftmark.judge.sdk;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Frames evenly spaced, {@code 1 s / framesPerSecond} apart, so that a tablet resending a long
 * outbox stays under the server's 50 frames per second (above that it closes the socket, and the
 * resend would start over). Evenly, not in bursts: the server counts frames as they arrive, and hall
 * Wi-Fi bunches up what was sent a burst apart. Elapsed time from {@code nanoTime}, not the wall
 * clock, which can jump.
 */
final class Pacer {
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private long lastSent;
    private boolean sentAny;

    Pacer(int framesPerSecond, LongSupplier nanoTime) {
        if (framesPerSecond < 1) {
            throw new IllegalArgumentException("the pacer must let at least one frame per second through");
        }
        this.intervalNanos = Duration.ofSeconds(1).toNanos() / framesPerSecond;
        this.nanoTime = nanoTime;
    }

    /** How long until the next frame may go; zero when it may go now. */
    Duration waitBeforeNext() {
        if (!sentAny) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(Math.max(0, lastSent + intervalNanos - nanoTime.getAsLong()));
    }

    /** Counts a frame sent now. */
    void sent() {
        lastSent = nanoTime.getAsLong();
        sentAny = true;
    }
}
