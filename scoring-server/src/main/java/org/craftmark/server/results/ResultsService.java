package org.craftmark.server.results;

import org.craftmark.core.marking.EntryScore;
import org.craftmark.core.pipeline.ContestStatus;
import org.craftmark.server.auth.Access;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.http.ApiException;
import org.craftmark.server.marking.MarkListener;
import org.craftmark.server.store.ContestStore.StoredContest;
import org.craftmark.server.store.ContestStore.Visibility;
import org.craftmark.server.store.Database;
import org.craftmark.server.store.EventStore.StoredEvent;
import org.craftmark.server.store.MarkStore.StoredMark;
import org.craftmark.server.store.PublishedResultStore;
import org.craftmark.server.store.Stores;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every event's leaderboard, computed by the rulebook and kept current as marks land (the entries
 * they touch rescored, once per group commit and event), rebuilt from the database on first use
 * after a start, and after rarer changes (status, time, corrections, locks).
 */
public final class ResultsService implements MarkListener {

    private final Database db;
    private final Map<Long, EventBoard> boards = new ConcurrentHashMap<>();
    private final List<BoardListener> listeners = new CopyOnWriteArrayList<>();

    public ResultsService(Database db) {
        this.db = db;
    }

    public void addListener(BoardListener listener) {
        listeners.add(listener);
    }

    @Override
    public void markStored(StoredMark mark) {
        EventBoard board = board(mark.eventId());
        synchronized (board) {
            publish(board, board.apply(mark), true);
        }
    }

    /** One event's marks of a group commit: one rescoring and one board change for all of them. */
    @Override
    public void marksStored(List<StoredMark> marksOfOneEvent) {
        EventBoard board = board(marksOfOneEvent.getFirst().eventId());
        synchronized (board) {
            publish(board, board.applyAll(marksOfOneEvent), true);
        }
    }

    /** Re-reads one event from the database and sends what changed. */
    public void refresh(long eventId) {
        EventBoard board = board(eventId);
        synchronized (board) {
            publish(board, board.replaceWith(load(db.stores(), eventId, board.seq())), false);
        }
    }

    /**
     * The contest of the event, once the viewer may see its results. Before an ON_PUBLISH contest
     * publishes, only ADMIN, the contest's organizers and the event's panel see them; anyone else,
     * signed in or not, gets 403 RESULTS_NOT_PUBLISHED.
     */
    public StoredContest visibleContest(Optional<SignedInUser> viewer, long eventId) {
        Stores stores = db.stores();
        StoredEvent event = stores.events().find(eventId).orElseThrow(() -> ApiException.notFound("Event " + eventId));
        StoredContest contest = stores.contests().find(event.contestId()).orElseThrow();
        if (contest.visibility() == Visibility.ON_PUBLISH && !isPublished(contest)
                && viewer.filter(v -> mayWatchUnpublished(stores, v, contest, eventId)).isEmpty()) {
            throw ApiException.resultsNotPublished();
        }
        return contest;
    }

    private static boolean mayWatchUnpublished(Stores stores, SignedInUser viewer, StoredContest contest, long eventId) {
        return Access.isOrganizerOf(viewer, contest.region(), stores.regions().tree())
                || stores.panels().seatOf(eventId, viewer.id()).isPresent();
    }

    /** The board as computed right now (the live feed publishes from this). */
    public Current current(long eventId) {
        EventBoard board = board(eventId);
        synchronized (board) {
            EventBoard.Snapshot snapshot = board.snapshot();
            return new Current(snapshot.seq(), snapshot.rows());
        }
    }

    /** A board's rows and the change counter they belong to. */
    public record Current(long boardSeq, List<BoardRow> rows) {
    }

    public static boolean isPublished(StoredContest contest) {
        return contest.status() == ContestStatus.PUBLISHED || contest.status() == ContestStatus.FINAL;
    }

    /** An event's leaderboard as one publication froze it. */
    public Optional<PublishedResultStore.PublishedResult> publishedVersion(long eventId, int version) {
        return db.stores().published().find(eventId, version);
    }

    /** Each entry's score (live), for lock checks and the marking-progress view. */
    public Map<Long, EntryScore> scores(long eventId) {
        return board(eventId).scores();
    }

    private EventBoard board(long eventId) {
        return boards.computeIfAbsent(eventId, id -> load(db.stores(), id, 0));
    }

    private static EventBoard load(Stores stores, long eventId, long seq) {
        StoredEvent event = stores.events().find(eventId).orElseThrow(() -> ApiException.notFound("Event " + eventId));
        return new EventBoard(event, stores.panels().panel(eventId), stores.entries().ofEvent(eventId),
                stores.marks().currentOfEvent(eventId), event.recorded() ? stores.recorded().ofEvent(eventId) : List.of(), seq);
    }

    private void publish(EventBoard board, EventBoard.Change change, boolean fromMark) {
        if (!change.isEmpty()) {
            listeners.forEach(l -> l.boardChanged(board.eventId(), change.seq(), fromMark));
        }
    }
}
