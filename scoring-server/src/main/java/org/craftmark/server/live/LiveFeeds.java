package org.craftmark.server.live;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.craftmark.server.results.BoardListener;
import org.craftmark.server.results.ResultsService;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Publishes leaderboards to screens. Marks arriving in a burst are coalesced: an event publishes at
 * most one frame per {@link #COALESCE_MILLIS}, each carrying every row changed since the last. Rarer
 * changes (status, corrections, locks) publish at once. A mark is acknowledged only once the frame
 * carrying it is out ({@link #afterPublished}).
 */
public final class LiveFeeds implements BoardListener {
    public static final long COALESCE_MILLIS = 250;

    private final Vertx vertx;
    private final ResultsService results;
    private final LongSupplier nanoTime;
    private final Map<Long, EventFeed> feeds = new ConcurrentHashMap<>();
    private final SignedInScreens signedIn = new SignedInScreens();
    private final LiveCounters counters = new LiveCounters();
    /**
     * Where every feed's seq starts in this run: the start time in microseconds. A server restarted
     * later starts higher, so a screen resuming with an old {@code since} never mistakes the new run's
     * frames for the ones it missed — it gets a fresh snapshot. (Below 2^53: exact in JavaScript.)
     */
    private final long firstSeq = System.currentTimeMillis() * 1000;

    public LiveFeeds(Vertx vertx, ResultsService results, LongSupplier nanoTime) {
        this.vertx = vertx;
        this.results = results;
        this.nanoTime = nanoTime;
    }

    @Override
    public void boardChanged(long eventId, long boardSeq, boolean fromMark) {
        EventFeed feed = feed(eventId);
        long wait;
        synchronized (feed) {
            if (!feed.noteChange(boardSeq)) {
                return;
            }
            long sinceLast = nanoTime.getAsLong() - feed.lastFlushNanos;
            wait = fromMark ? TimeUnit.MILLISECONDS.toNanos(COALESCE_MILLIS) - sinceLast : 0;
            if (wait > 0) {
                if (!feed.flushScheduled) {
                    feed.flushScheduled = true;
                    vertx.setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait)), t -> flushOnWorker(eventId));
                }
                return;
            }
        }
        flush(eventId);
    }

    /** Puts the feeds' counters on {@code /metrics} (the open screens are counted by their places: Craftmark). */
    public void registerMetrics(MeterRegistry registry) {
        counters.register(registry);
    }

    /** The screens opened by signed-in users, closed when their sessions end. */
    public SignedInScreens signedIn() {
        return signedIn;
    }

    /** The rows as last published, with their seq: what REST answers. */
    public PublishedBoard published(long eventId) {
        return feed(eventId).published();
    }

    /**
     * The board as the database holds it now, put on the wire at once: what a publication freezes.
     * Re-read, not taken from the feed, because the feed may still hold the last marks back for up to
     * {@link #COALESCE_MILLIS} (a lock that changes no row publishes nothing), and on a cluster this
     * node's board may not have caught up with marks another node took yet.
     */
    public PublishedBoard settled(long eventId) {
        results.refresh(eventId);
        flush(eventId);
        return published(eventId);
    }

    /**
     * Completes once every change noted so far for the event is published. Called on event loops:
     * it never creates a feed (which reads the board); with no feed yet there is nothing unpublished.
     */
    public Future<Void> afterPublished(long eventId) {
        EventFeed feed = feeds.get(eventId);
        return feed == null ? Future.succeededFuture() : feed.afterPublished();
    }

    EventFeed feed(long eventId) {
        return feeds.computeIfAbsent(eventId, id -> {
            ResultsService.Current current = results.current(id);
            return new EventFeed(id, firstSeq, current.boardSeq(), current.rows(), counters);
        });
    }

    /** Reads the board (its lock first, then the feed's: always in that order) and publishes it. */
    private void flush(long eventId) {
        ResultsService.Current current = results.current(eventId);
        feed(eventId).publish(current.boardSeq(), current.rows(), nanoTime.getAsLong());
    }

    /** Timers fire on an event loop; reading a board may touch the database, so hop to a worker. */
    private void flushOnWorker(long eventId) {
        vertx.executeBlocking(() -> {
            flush(eventId);
            return null;
        }, false);
    }
}
