package org.craftmark.server.live;

import io.vertx.core.Context;
import io.vertx.core.http.ServerWebSocket;

import java.util.concurrent.Executor;

/**
 * One screen watching one event. Everything it writes runs on its own {@link #lane} (its
 * connection's event loop), in the order the feed handed it over. A screen that cannot keep up
 * (its write queue is full) skips frames and, once its queue drains, gets a fresh snapshot: memory
 * stays bounded and nobody waits for the slowest phone in the hall.
 */
final class LiveSubscriber {
    /**
     * The write queue a screen may fill before it counts as behind: a dozen deltas of a busy event,
     * a few seconds at four frames a second. A deeper queue only makes a slow screen later (frames
     * waited up to 14 s in a 256 KiB queue at 10,000 screens) instead of letting it skip and resync.
     */
    static final int QUEUE_FLOOR_BYTES = 64 * 1024;

    private final ServerWebSocket socket;
    private final Executor lane;
    private final Object laneKey;
    /** Frames at or below this seq are already covered by what was sent (snapshot or replay). */
    private volatile long floorSeq = Long.MAX_VALUE;
    private volatile boolean behind;
    private int queueLimit = QUEUE_FLOOR_BYTES;

    /**
     * A screen on the Vert.x context that accepted its connection, called on that context. Its lane
     * key is the event-loop thread: each connection has a context of its own, but the screens of one
     * event loop can share one task per frame.
     */
    LiveSubscriber(ServerWebSocket socket, Context context) {
        this(socket, task -> context.runOnContext(v -> task.run()), Thread.currentThread());
    }

    /** A screen writing on {@code lane}; screens with the same {@code laneKey} share one task per frame. */
    LiveSubscriber(ServerWebSocket socket, Executor lane, Object laneKey) {
        this.socket = socket;
        this.lane = lane;
        this.laneKey = laneKey;
        socket.setWriteQueueMaxSize(queueLimit);
    }

    Executor lane() {
        return lane;
    }

    Object laneKey() {
        return laneKey;
    }

    /** Runs on the lane: writes the shared frame unless the screen already has it or is behind. */
    void deliver(TextFrame frame, EventFeed feed) {
        if (frame.seq() <= floorSeq || socket.isClosed()) {
            return;
        }
        if (behind) {
            feed.counters().skipped.increment();
            return;
        }
        if (socket.writeQueueFull()) {
            behind = true;
            feed.counters().skipped.increment();
            socket.drainHandler(v -> feed.resync(this));
            return;
        }
        feed.counters().deliveries.increment();
        write(frame);
    }

    /** Called under the feed's lock: what is sent from now on starts after {@code seq}. */
    void startAfter(long seq) {
        behind = false;
        floorSeq = seq;
    }

    /**
     * Queues a frame for this screen alone (snapshot or replay), in order with every other write. The
     * queue grows to hold two snapshots of the event: a snapshot bigger than the queue would leave the
     * screen behind at once and resyncing for ever.
     */
    void send(TextFrame frame) {
        lane.execute(() -> {
            if (2 * frame.size() > queueLimit) {
                queueLimit = 2 * frame.size();
                socket.setWriteQueueMaxSize(queueLimit);
            }
            write(frame);
        });
    }

    private void write(TextFrame frame) {
        if (!socket.isClosed()) {
            socket.writeFrame(frame.toWebSocketFrame());
        }
    }
}
