package org.craftmark.judge.sdk;

import java.time.Duration;
import java.util.Objects;

/**
 * How long to wait before the next reconnect: {@code initial} doubled per consecutive failure, capped
 * at {@code max}, less a random share of up to {@code jitter} of it, so that a hall of tablets that
 * lost the Wi-Fi together does not come back in one stampede.
 *
 * @param initial the wait after the first failure, before jitter
 * @param max     the longest wait
 * @param jitter  the largest share taken off at random, in [0, 1]
 */
public record Backoff(Duration initial, Duration max, double jitter) {
    /** 0.5 s doubling to 30 s, each wait between half and all of that. */
    public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), 0.5);

    /** Beyond this many doublings every ceiling is {@code max} anyway; stops the shift overflowing. */
    private static final int MAX_DOUBLINGS = 40;

    public Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max");
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter is a share in [0, 1]");
        }
    }

    /**
     * The wait before the next attempt.
     *
     * @param failures consecutive failures so far, 0 for the first retry
     * @param random   a uniform random number in [0, 1)
     */
    public Duration delay(int failures, double random) {
        Duration ceiling = ceiling(failures);
        return ceiling.minusNanos((long) (ceiling.toNanos() * jitter * random));
    }

    /** The wait before jitter: {@code min(max, initial × 2^failures)}. */
    public Duration ceiling(int failures) {
        int doublings = Math.clamp(failures, 0, MAX_DOUBLINGS);
        Duration doubled = initial.multipliedBy(1L << doublings);
        return doubled.compareTo(max) > 0 ? max : doubled;
    }
}
