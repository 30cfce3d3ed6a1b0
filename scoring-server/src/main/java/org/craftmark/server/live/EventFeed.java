package org.craftmark.server.live;

import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import org.craftmark.server.results.BoardRow;
import org.craftmark.server.results.ResultsJson;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One event's live feed: the rows last published, numbered by {@code seq} (one per frame), a bounded
 * history of frames for clients resuming with {@code since}, and the screens subscribed. REST and
 * WebSocket show the same published rows, so a change is on the wire no later than REST shows it.
 */
final class EventFeed {
    static final int HISTORY_FRAMES = 512;

    /** One delta frame: the rows that changed, at {@code seq}. */
    record Frame(long seq, List<BoardRow> rows) {
    }

    private record Waiter(long boardSeq, Promise<Void> promise) {
    }

    private final long eventId;
    private final Deque<Frame> history = new ArrayDeque<>();
    private final ScreenGroups subscribers = new ScreenGroups();
    private final List<Waiter> waiters = new ArrayList<>();
    private final LiveCounters counters;
    /** The snapshot at the current seq, encoded once for every screen that needs one (joining or resyncing). */
    private TextFrame snapshotFrame;
    private Map<Long, BoardRow> published;
    private long seq;
    private long publishedBoardSeq;
    private long latestBoardSeq;
    long lastFlushNanos = Long.MIN_VALUE / 2;
    boolean flushScheduled;

    EventFeed(long eventId, long firstSeq, long boardSeq, List<BoardRow> rows, LiveCounters counters) {
        this.eventId = eventId;
        this.counters = counters;
        this.seq = firstSeq;
        this.publishedBoardSeq = boardSeq;
        this.latestBoardSeq = boardSeq;
        this.published = byEntry(rows);
    }

    synchronized PublishedBoard published() {
        return new PublishedBoard(seq, List.copyOf(published.values()));
    }

    /** Notes a board change; answers whether it is news. */
    synchronized boolean noteChange(long boardSeq) {
        latestBoardSeq = Math.max(latestBoardSeq, boardSeq);
        return latestBoardSeq > publishedBoardSeq;
    }

    /**
     * Publishes the board as it is now: the rows that differ become one delta frame (however many
     * changes they carry). An older board than the one already published is ignored.
     */
    synchronized void publish(long boardSeq, List<BoardRow> rows, long nowNanos) {
        flushScheduled = false;
        lastFlushNanos = nowNanos;
        if (boardSeq <= publishedBoardSeq) {
            completeWaiters();
            return;
        }
        Map<Long, BoardRow> next = byEntry(rows);
        List<BoardRow> changed = next.values().stream().filter(r -> !Objects.equals(published.get(r.entryId()), r)).toList();
        published = next;
        snapshotFrame = null;
        publishedBoardSeq = boardSeq;
        if (!changed.isEmpty()) {
            counters.frames.increment();
            Frame frame = new Frame(++seq, changed);
            remember(frame);
            subscribers.broadcast(TextFrame.of(frame.seq(), delta(frame)), this);
        }
        completeWaiters();
    }

    /** A promise kept once everything noted so far is published. */
    synchronized io.vertx.core.Future<Void> afterPublished() {
        if (latestBoardSeq <= publishedBoardSeq) {
            return io.vertx.core.Future.succeededFuture();
        }
        Promise<Void> promise = Promise.promise();
        waiters.add(new Waiter(latestBoardSeq, promise));
        return promise.future();
    }

    /**
     * Adds a screen: it first gets the frames after {@code since} when history still has them all,
     * else a snapshot; under the feed's lock, so no frame is missed or sent twice.
     */
    synchronized void subscribe(LiveSubscriber subscriber, Long since) {
        List<Frame> replay = since == null ? null : framesAfter(since);
        subscriber.startAfter(seq);
        if (replay == null) {
            subscriber.send(snapshotFrame());
        } else {
            replay.forEach(frame -> subscriber.send(TextFrame.of(frame.seq(), delta(frame))));
        }
        subscribers.add(subscriber);
    }

    void unsubscribe(LiveSubscriber subscriber) {
        subscribers.remove(subscriber);
    }

    /** A screen that fell behind catches up with a fresh snapshot once its queue drains. */
    synchronized void resync(LiveSubscriber subscriber) {
        counters.resyncs.increment();
        subscriber.startAfter(seq);
        subscriber.send(snapshotFrame());
    }

    LiveCounters counters() {
        return counters;
    }

    int subscriberCount() {
        return subscribers.size();
    }

    synchronized JsonObject snapshot() {
        return new JsonObject().put("type", "snapshot").put("eventId", eventId).put("seq", seq)
                .put("rows", ResultsJson.rows(List.copyOf(published.values())));
    }

    /** Many screens resync at once after a burst: each gets the same bytes instead of its own encoding. */
    private TextFrame snapshotFrame() {
        if (snapshotFrame == null || snapshotFrame.seq() != seq) {
            snapshotFrame = TextFrame.of(seq, snapshot());
        }
        return snapshotFrame;
    }

    private JsonObject delta(Frame frame) {
        return new JsonObject().put("type", "delta").put("eventId", eventId).put("seq", frame.seq())
                .put("rows", ResultsJson.rows(frame.rows()));
    }

    /** Frames after {@code since}, or null when history no longer reaches back that far (or never had it). */
    private List<Frame> framesAfter(long since) {
        if (since == seq) {
            return List.of();
        }
        if (since > seq || history.isEmpty() || history.peekFirst().seq() > since + 1) {
            return null;
        }
        return history.stream().filter(f -> f.seq() > since).toList();
    }

    private void remember(Frame frame) {
        history.addLast(frame);
        if (history.size() > HISTORY_FRAMES) {
            history.removeFirst();
        }
    }

    private void completeWaiters() {
        for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
            Waiter waiter = it.next();
            if (waiter.boardSeq() <= publishedBoardSeq) {
                waiter.promise().tryComplete();
                it.remove();
            }
        }
    }

    private static Map<Long, BoardRow> byEntry(List<BoardRow> rows) {
        Map<Long, BoardRow> map = new LinkedHashMap<>();
        rows.forEach(r -> map.put(r.entryId(), r));
        return map;
    }
}
