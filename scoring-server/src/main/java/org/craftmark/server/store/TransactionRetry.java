package org.craftmark.server.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongUnaryOperator;
import java.util.function.Supplier;

/**
 * Runs a transaction again when it lost a lock race (a deadlock, a lock wait timeout): the database
 * rolled all of it back, so running the work once more is safe as long as the work does nothing
 * outside the transaction — listeners and pushes run after {@code transaction} returns, never in it.
 * Attempts are bounded and spaced by exponential backoff with jitter, so racing transactions do not
 * collide again in lockstep; what is still failing after the last attempt is left to the caller
 * (answered 503 {@code UNAVAILABLE}, see {@link Database#isUnavailable}).
 */
final class TransactionRetry {
    static final int DEFAULT_MAX_ATTEMPTS = 5;
    static final long DEFAULT_FIRST_BACKOFF_MILLIS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(TransactionRetry.class);

    /** MySQL/MariaDB ER_LOCK_DEADLOCK and ER_LOCK_WAIT_TIMEOUT. */
    private static final Set<Integer> MYSQL_LOCK_ERRORS = Set.of(1213, 1205);
    /** Serialization failure / deadlock (every server), and H2's lock timeout. */
    private static final Set<String> LOCK_STATES = Set.of("40001", "HYT00");

    /** Sleeps for the given milliseconds; tests pass one that only records. */
    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    private final int maxAttempts;
    private final long firstBackoffMillis;
    private final Sleeper sleeper;
    private final LongUnaryOperator jitter;

    /**
     * @param jitter given the backoff ceiling of an attempt, answers a delay in {@code [0, ceiling]}
     */
    TransactionRetry(int maxAttempts, long firstBackoffMillis, Sleeper sleeper, LongUnaryOperator jitter) {
        this.maxAttempts = maxAttempts;
        this.firstBackoffMillis = firstBackoffMillis;
        this.sleeper = sleeper;
        this.jitter = jitter;
    }

    static TransactionRetry standard() {
        return new TransactionRetry(DEFAULT_MAX_ATTEMPTS, DEFAULT_FIRST_BACKOFF_MILLIS, Thread::sleep,
                ceiling -> ThreadLocalRandom.current().nextLong(ceiling + 1));
    }

    <T> T run(Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (RuntimeException e) {
                if (attempt >= maxAttempts || !isLockConflict(e)) {
                    throw e;
                }
                pause(attempt, e);
            }
        }
    }

    /** Half the doubling ceiling for sure, the other half at random ("equal jitter"). */
    long backoffMillis(int attempt) {
        long ceiling = firstBackoffMillis << Math.min(attempt - 1, 20);
        return ceiling / 2 + jitter.applyAsLong(ceiling - ceiling / 2);
    }

    private void pause(int attempt, RuntimeException failure) {
        long millis = backoffMillis(attempt);
        LOG.info("transaction lost a lock race (attempt {} of {}), running it again in {} ms: {}",
                attempt, maxAttempts, millis, failure.getMessage());
        try {
            sleeper.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }

    /** True when {@code failure} (or a cause) says the transaction lost a lock race and was rolled back. */
    static boolean isLockConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransactionRollbackException) {
                return true;
            }
            if (t instanceof SQLException sql
                    // Set.of(…).contains(null) throws: a driver's SQLException may carry no SQLState.
                    && (MYSQL_LOCK_ERRORS.contains(sql.getErrorCode()) || sql.getSQLState() != null && LOCK_STATES.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
