package org.craftmark.server.testing;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Keeps a sender under a rate: at most {@code perSecond} sends in any second. It waits to respect the
 * server's flood limit; it never stands in for waiting on a result.
 */
final class Pacer {
    private static final long ONE_SECOND = TimeUnit.SECONDS.toNanos(1);

    private final int perSecond;
    private final Deque<Long> sent = new ArrayDeque<>();

    Pacer(int perSecond) {
        this.perSecond = perSecond;
    }

    synchronized void awaitTurn() {
        if (sent.size() == perSecond) {
            long due = sent.peekFirst() + ONE_SECOND;
            while (System.nanoTime() < due) {
                LockSupport.parkNanos(due - System.nanoTime());
            }
            sent.removeFirst();
        }
        sent.addLast(System.nanoTime());
    }
}
