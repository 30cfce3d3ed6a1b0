package org.craftmark.server.store;

import org.craftmark.server.testing.OnMariaDb;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A real deadlock on MariaDB, made on purpose: the victim is rolled back, run again, and commits. */
@DisplayName("A deadlock on MariaDB")
class DeadlockOnMariaDbTest extends OnMariaDb {

    @Test
    @DisplayName("two transactions locking two rows in opposite orders both commit; the victim ran twice")
    void theVictimOfADeadlockIsRetried() throws Exception {
        long first = season.contest("锁一", "DISTRICT", "110112", null, 7);
        long second = season.contest("锁二", "DISTRICT", "110112", null, 7);
        Database db = server.app().database();
        CountDownLatch bothHoldOne = new CountDownLatch(2);
        AtomicInteger attempts = new AtomicInteger();

        CompletableFuture<Long> one = CompletableFuture.supplyAsync(() -> lockBoth(db, first, second, bothHoldOne, attempts));
        CompletableFuture<Long> two = CompletableFuture.supplyAsync(() -> lockBoth(db, second, first, bothHoldOne, attempts));

        assertThat(one.get(60, TimeUnit.SECONDS)).isEqualTo(second);
        assertThat(two.get(60, TimeUnit.SECONDS)).isEqualTo(first);
        assertThat(attempts).as("one of the two was chosen as the deadlock's victim and ran again").hasValue(3);
    }

    /**
     * Locks {@code a}, waits until the other transaction holds its first row too (only on the first
     * attempts: a retry must not wait for a latch that is already down), then locks {@code b}.
     */
    private static long lockBoth(Database db, long a, long b, CountDownLatch bothHoldOne, AtomicInteger attempts) {
        return db.transaction(tx -> {
            attempts.incrementAndGet();
            tx.contests().findForUpdate(a).orElseThrow();
            bothHoldOne.countDown();
            await(bothHoldOne);
            return tx.contests().findForUpdate(b).orElseThrow().id();
        });
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
