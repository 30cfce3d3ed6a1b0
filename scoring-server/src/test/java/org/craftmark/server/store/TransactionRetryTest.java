package org.craftmark.server.store;

import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Retrying a transaction that lost a lock race")
class TransactionRetryTest {
    private final List<Long> slept = new ArrayList<>();
    /** Jitter at its ceiling, so the delays are known. */
    private final TransactionRetry retry = new TransactionRetry(5, 10, slept::add, ceiling -> ceiling);

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("MariaDB deadlock", wrapped(new SQLTransactionRollbackException("Deadlock found", "40001", 1213)), true),
                Arguments.of("MariaDB lock wait timeout", wrapped(new SQLException("Lock wait timeout exceeded", "HY000", 1205)), true),
                Arguments.of("H2 deadlock", wrapped(new SQLException("Deadlock detected", "40001", 40001)), true),
                Arguments.of("H2 lock timeout", wrapped(new SQLException("Timeout trying to lock table", "HYT00", 50200)), true),
                Arguments.of("duplicate key", wrapped(new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062)), false),
                Arguments.of("syntax error", wrapped(new SQLException("You have an error in your SQL syntax", "42000", 1064)), false),
                Arguments.of("connection refused", wrapped(new SQLTransientConnectionException("refused", "08001")), false),
                Arguments.of("not the database's", new IllegalStateException("a bug"), false));
    }

    private static RuntimeException wrapped(SQLException cause) {
        return new DataAccessException("SQL [insert …]; " + cause.getMessage(), cause);
    }

    @ParameterizedTest(name = "{0}: retried = {2}")
    @MethodSource("failures")
    void onlyLockConflictsAreRetried(String why, RuntimeException failure, boolean retried) {
        assertThat(TransactionRetry.isLockConflict(failure)).isEqualTo(retried);
    }

    @ParameterizedTest(name = "{0}: 503 = {2}")
    @MethodSource("failures")
    void lockConflictsAndConnectionFailuresAreUnavailable(String why, RuntimeException failure, boolean retried) {
        boolean connection = why.startsWith("connection");
        assertThat(Database.isUnavailable(failure)).isEqualTo(retried || connection);
    }

    @Test
    @DisplayName("a deadlock twice, then success: three attempts, backing off 10 then 20 ms")
    void aDeadlockIsRunAgainUntilItCommits() {
        AtomicInteger attempts = new AtomicInteger();
        String result = retry.run(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw wrapped(new SQLTransactionRollbackException("Deadlock found", "40001", 1213));
            }
            return "committed";
        });
        assertThat(result).isEqualTo("committed");
        assertThat(attempts).hasValue(3);
        assertThat(slept).containsExactly(10L, 20L);
    }

    @Test
    @DisplayName("a lock conflict that never clears is given up after five attempts and thrown as it is")
    void attemptsAreBounded() {
        AtomicInteger attempts = new AtomicInteger();
        RuntimeException deadlock = wrapped(new SQLException("Lock wait timeout exceeded", "HY000", 1205));
        assertThatThrownBy(() -> retry.run(() -> {
            attempts.incrementAndGet();
            throw deadlock;
        })).isSameAs(deadlock);
        assertThat(attempts).hasValue(5);
        assertThat(slept).containsExactly(10L, 20L, 40L, 80L);
    }

    @Test
    @DisplayName("any other failure is thrown at once, never run twice")
    void otherFailuresAreNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> retry.run(() -> {
            attempts.incrementAndGet();
            throw wrapped(new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062));
        })).isInstanceOf(DataAccessException.class);
        assertThat(attempts).hasValue(1);
        assertThat(slept).isEmpty();
    }

    @Test
    @DisplayName("the jitter spreads each delay over the upper half of its doubling ceiling")
    void jitterStaysWithinTheUpperHalf() {
        TransactionRetry none = new TransactionRetry(5, 10, slept::add, ceiling -> 0);
        assertThat(List.of(none.backoffMillis(1), none.backoffMillis(2), none.backoffMillis(3))).containsExactly(5L, 10L, 20L);
        TransactionRetry random = TransactionRetry.standard();
        for (int i = 0; i < 1000; i++) {
            assertThat(random.backoffMillis(3)).isBetween(20L, 40L);
        }
    }
}
