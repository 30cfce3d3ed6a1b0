package org.craftmark.server.marking;

import org.craftmark.core.common.Problem;
import org.craftmark.core.marking.ConflictOfInterest;
import org.craftmark.core.marking.Criterion;
import org.craftmark.core.pipeline.ContestStatus;
import org.craftmark.server.audit.AuditLog;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.http.ApiException;
import org.craftmark.server.store.ContestStore.StoredContest;
import org.craftmark.server.store.Database;
import org.craftmark.server.store.EntryStore.StoredEntry;
import org.craftmark.server.store.MarkStore.StoredMark;
import org.craftmark.server.store.PanelStore.PanelSeat;
import org.craftmark.server.store.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Judges' marks: each is checked against the rulebook, stored as a new version in one transaction
 * with its audit entry, and acknowledged only after that commit. Resending is always safe.
 */
public final class MarkService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MarkService.class);
    /** At most this many marks share one transaction: bounds a group's lock time and statement size. */
    static final int MAX_GROUP = 500;

    private final Database db;
    private final AuditLog audit;
    private final Clock clock;
    private final List<MarkListener> listeners = new CopyOnWriteArrayList<>();
    private final GroupCommitter<Submitted, Ack> writer;
    /** Touched by the writer's thread only (and tests). */
    private final EventStateCache states = new EventStateCache();

    /** A judge's mark, as queued for the writer. */
    record Submitted(SignedInUser judge, MarkSubmission mark) {
    }

    public MarkService(Database db, AuditLog audit, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
        this.writer = new GroupCommitter<>("mark-writer", MAX_GROUP, this::commitGroup);
    }

    public void addListener(MarkListener listener) {
        listeners.add(listener);
    }

    /**
     * Queues the mark for the next group commit; the ack completes (on the writer's thread) after
     * the commit and the listeners. Marks queued one after another are stored in that order.
     */
    public CompletableFuture<Ack> enqueue(SignedInUser judge, MarkSubmission mark) {
        return writer.submit(List.of(new Submitted(judge, mark))).getFirst();
    }

    /** Blocks until the mark's group is committed: call from a worker thread. */
    public Ack submit(SignedInUser judge, MarkSubmission mark) {
        return awaited(enqueue(judge, mark));
    }

    /**
     * A tablet's queue of marks, stored in order within the writer's group commits, so hundreds of
     * marks cost a few durable commits, not hundreds. A rejected mark rejects only itself (its checks
     * run before anything of it is written). Blocks: call from a worker thread.
     */
    public List<Ack> submitAll(SignedInUser judge, List<MarkSubmission> marks) {
        return writer.submit(marks.stream().map(m -> new Submitted(judge, m)).toList()).stream()
                .map(MarkService::awaited).toList();
    }

    /** The ack, or the failure itself (not wrapped), so it maps to the contract's error shape. */
    private static Ack awaited(CompletableFuture<Ack> ack) {
        try {
            return ack.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * One group in one transaction, then the listeners, then the acks. If the transaction fails as a
     * whole — two sends of one clientMarkId racing through another server — each mark is retried alone.
     */
    private List<Ack> commitGroup(List<Submitted> group) {
        List<StoredAck> stored;
        try {
            stored = db.transaction(tx -> storeAll(tx, group));
        } catch (RuntimeException e) {
            if (Database.isConnectionFailure(e) || Database.isTimeout(e)) {
                // The database is down or stalled: mark by mark would wait out a timeout per mark
                // while the rest queue behind. Nothing is acknowledged; every sender may resend.
                throw e;
            }
            if (group.size() == 1) {
                return List.of(afterRace(group.getFirst().judge(), group.getFirst().mark(), e));
            }
            LOG.info("group commit of {} marks failed ({}); storing them one by one", group.size(), e.getMessage());
            return group.stream().map(s -> commitGroup(List.of(s)).getFirst()).toList();
        }
        notifyByEvent(stored.stream().filter(s -> s.ack().isAccepted()).map(StoredAck::mark).toList());
        return stored.stream().map(StoredAck::ack).toList();
    }

    /**
     * The listeners see a group's marks before any of its acks goes out (ack implies the board shows
     * it). Each event's marks of the group go to the listeners together (one rescoring and one board
     * change per event and group, not per mark), events side by side, so the writer is not held by
     * one event's rescoring after another.
     */
    private void notifyByEvent(List<StoredMark> accepted) {
        accepted.stream().collect(Collectors.groupingBy(StoredMark::eventId, LinkedHashMap::new, Collectors.toList()))
                .values().parallelStream().forEach(this::notifyListeners);
    }

    private List<StoredAck> storeAll(Stores tx, List<Submitted> group) {
        return MarkGroup.store(tx, states, audit, clock.instant(), group);
    }

    record StoredAck(Ack ack, StoredMark mark) {
    }

    /** The cache of checked state, for tests of its refreshing. */
    EventStateCache checkedState() {
        return states;
    }

    /** Stops the writer once what is queued is stored. */
    @Override
    public void close() {
        writer.close();
    }

    static Ack repeat(StoredMark prior, MarkSubmission mark) {
        if (mark.sameContentAs(prior.eventId(), prior.entryId(), prior.criterion(), prior.value())) {
            return Ack.duplicate(prior);
        }
        throw MarkGroup.idempotencyConflict();
    }

    /** On the panel, assigned the criterion, and not in conflict with the entry. */
    static void requireMayMark(Optional<PanelSeat> seatOrNone, SignedInUser judge, StoredEntry entry, Criterion criterion) {
        PanelSeat seat = seatOrNone.orElseThrow(() -> ApiException.forbidden("You are not on the panel of this event."));
        if (!seat.marks(criterion.code())) {
            throw ApiException.forbidden("Criterion " + criterion.code() + " is not assigned to you.");
        }
        if (ConflictOfInterest.exists(judge.affiliation(), Assignments.unitsOf(entry))) {
            throw ApiException.conflict("CONFLICT_OF_INTEREST", "You may not mark entry " + entry.bib()
                    + ": it is from your own unit (回避).", List.of(new Problem("entryId", "conflict of interest")));
        }
    }

    /** Marks are taken while the contest is RUNNING and the event unlocked. */
    static void requireOpenForMarking(StoredContest contest, boolean eventLocked) {
        if (contest.status() != ContestStatus.RUNNING) {
            throw ApiException.conflict("WRONG_STATE", "Marks are taken while the contest is RUNNING; it is " + contest.status() + ".",
                    List.of(new Problem("status", "is " + contest.status())));
        }
        if (eventLocked) {
            throw ApiException.conflict("EVENT_LOCKED", "The event is locked by the chief judge.",
                    List.of(new Problem("eventId", "is locked")));
        }
    }

    /**
     * Two sends of the same clientMarkId racing each other: the unique index let one in. Answer the
     * loser as a repeat of the winner; anything else is a real failure and propagates.
     */
    private Ack afterRace(SignedInUser judge, MarkSubmission mark, RuntimeException failure) {
        Optional<StoredMark> winner = db.stores().marks().byClientMarkId(judge.id(), mark.clientMarkId());
        if (winner.isEmpty()) {
            throw failure;
        }
        LOG.info("mark {} arrived twice at once; answered as a repeat", mark.clientMarkId());
        try {
            return repeat(winner.get(), mark);
        } catch (ApiException e) {
            return Ack.rejected(mark.clientMarkId(), e);
        }
    }

    private void notifyListeners(List<StoredMark> marksOfOneEvent) {
        for (MarkListener listener : listeners) {
            try {
                listener.marksStored(marksOfOneEvent);
            } catch (RuntimeException e) {
                // The marks are committed and acknowledged whatever a listener does.
                LOG.error("mark listener failed for {} marks of event {}", marksOfOneEvent.size(),
                        marksOfOneEvent.getFirst().eventId(), e);
            }
        }
    }
}
