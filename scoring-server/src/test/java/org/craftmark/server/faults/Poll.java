package org.craftmark.server.faults;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition, checking every 50 ms, for at most a bound: never a sleep standing in for one. */
public final class Poll {
    private Poll() {
    }

    public static void until(Duration bound, String what, BooleanSupplier condition) {
        until(bound, () -> what, condition);
    }

    /** {@code what} is asked only on failure: it may describe the state the wait ended in. */
    public static void until(Duration bound, Supplier<String> what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + bound + ": " + what.get());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }
}
