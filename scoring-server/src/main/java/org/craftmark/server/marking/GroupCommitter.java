package org.craftmark.server.marking;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The one writer of marks in this process. Marks from every connection and batch queue here in the
 * order they arrive; the writer takes whatever has gathered while the previous group was committing
 * and stores it as one transaction — one audit append and one fsync for all of them. A lone mark
 * waits for nobody: with an empty queue the group is just that mark.
 *
 * <p>FIFO keeps each connection's marks in the order it sent them, so versions per judge and
 * criterion follow the order of the frames. The writer is a thread of its own, never an event loop.
 */
final class GroupCommitter<T, R> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitter.class);

    private record Pending<T, R>(T item, CompletableFuture<R> result) {
    }

    private final BlockingQueue<Pending<T, R>> queue = new LinkedBlockingQueue<>();
    private final Function<List<T>, List<R>> commit;
    private final int maxGroup;
    private final Thread writer;
    private volatile boolean closed;

    /** {@code commit} stores a group in one transaction and answers one result per item, in order. */
    GroupCommitter(String name, int maxGroup, Function<List<T>, List<R>> commit) {
        this.commit = commit;
        this.maxGroup = maxGroup;
        this.writer = Thread.ofPlatform().name(name).daemon(true).start(this::run);
    }

    /** Queues {@code items} one after another; the futures complete after their group's commit. */
    List<CompletableFuture<R>> submit(List<T> items) {
        if (closed) {
            throw new IllegalStateException("the server is shutting down");
        }
        List<CompletableFuture<R>> results = new ArrayList<>(items.size());
        for (T item : items) {
            CompletableFuture<R> result = new CompletableFuture<>();
            queue.add(new Pending<>(item, result));
            results.add(result);
        }
        return results;
    }

    private void run() {
        List<Pending<T, R>> group = new ArrayList<>(maxGroup);
        while (!closed || !queue.isEmpty()) {
            try {
                Pending<T, R> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, maxGroup - 1);
                write(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                group.clear();
            }
        }
    }

    private void write(List<Pending<T, R>> group) {
        try {
            List<R> results = commit.apply(group.stream().map(Pending::item).toList());
            for (int i = 0; i < group.size(); i++) {
                group.get(i).result().complete(results.get(i));
            }
        } catch (RuntimeException | Error e) {
            // Nothing of the group is acknowledged; each sender reports the failure and may resend.
            LOG.error("group commit of {} failed", group.size(), e);
            group.forEach(p -> p.result().completeExceptionally(e));
        }
    }

    /** Stops taking work; what is queued is still written. */
    @Override
    public void close() {
        closed = true;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
