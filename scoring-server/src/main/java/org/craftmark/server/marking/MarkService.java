package org.craftmark.server.marking;

import io.vertx.core.json.JsonObject;
import org.craftmark.core.common.Problem;
import org.craftmark.core.common.RuleViolation;
import org.craftmark.core.marking.ConflictOfInterest;
import org.craftmark.core.marking.Criterion;
import org.craftmark.core.marking.MarkValue;
import org.craftmark.core.pipeline.ContestStatus;
import org.craftmark.server.audit.AuditLog;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.http.ApiException;
import org.craftmark.server.store.ContestStore.StoredContest;
import org.craftmark.server.store.Database;
import org.craftmark.server.store.EntryStore.StoredEntry;
import org.craftmark.server.store.EventStore.StoredEvent;
import org.craftmark.server.store.MarkStore.NewMark;
import org.craftmark.server.store.MarkStore.StoredMark;
import org.craftmark.server.store.PanelStore.PanelSeat;
import org.craftmark.server.store.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Judges' marks: each is checked against the rulebook, stored as a new version in one transaction
 * with its audit entry, and acknowledged only after that commit. Resending is always safe.
 */
public final class MarkService {
    private static final Logger LOG = LoggerFactory.getLogger(MarkService.class);

    private final Database db;
    private final AuditLog audit;
    private final Clock clock;
    private final List<MarkListener> listeners = new CopyOnWriteArrayList<>();

    public MarkService(Database db, AuditLog audit, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
    }

    public void addListener(MarkListener listener) {
        listeners.add(listener);
    }

    /** Blocks for one transaction: call from a worker thread. */
    public Ack submit(SignedInUser judge, MarkSubmission mark) {
        try {
            StoredAck stored = db.transaction(tx -> store(tx, judge, mark));
            if (stored.ack().isAccepted()) {
                notifyListeners(stored.mark());
            }
            return stored.ack();
        } catch (ApiException e) {
            return Ack.rejected(mark.clientMarkId(), e);
        } catch (RuleViolation e) {
            return Ack.rejected(mark.clientMarkId(), ApiException.validationFailed(e.problems()));
        } catch (RuntimeException e) {
            return afterRace(judge, mark, e);
        }
    }

    /**
     * A group commit: every mark of a batch checked and stored in one transaction, so a tablet's
     * queue of hundreds of marks costs one durable commit, not hundreds. A rejected mark rejects only
     * itself (its checks run before anything of it is written). If the transaction fails as a whole
     * — two sends of one clientMarkId racing — each mark is retried on its own.
     */
    public List<Ack> submitAll(SignedInUser judge, List<MarkSubmission> marks) {
        List<StoredAck> stored;
        try {
            stored = db.transaction(tx -> marks.stream().map(mark -> storeOrReject(tx, judge, mark)).toList());
        } catch (RuntimeException e) {
            LOG.info("group commit of {} marks failed ({}); submitting one by one", marks.size(), e.getMessage());
            return marks.stream().map(mark -> submit(judge, mark)).toList();
        }
        stored.stream().filter(s -> s.ack().isAccepted()).forEach(s -> notifyListeners(s.mark()));
        return stored.stream().map(StoredAck::ack).toList();
    }

    private StoredAck storeOrReject(Stores tx, SignedInUser judge, MarkSubmission mark) {
        try {
            return store(tx, judge, mark);
        } catch (ApiException e) {
            return new StoredAck(Ack.rejected(mark.clientMarkId(), e), null);
        } catch (RuleViolation e) {
            return new StoredAck(Ack.rejected(mark.clientMarkId(), ApiException.validationFailed(e.problems())), null);
        }
    }

    private record StoredAck(Ack ack, StoredMark mark) {
    }

    private StoredAck store(Stores tx, SignedInUser judge, MarkSubmission mark) {
        StoredEvent event = tx.events().findForUpdate(mark.eventId()).orElseThrow(() -> ApiException.notFound("Event " + mark.eventId()));
        Optional<StoredMark> prior = tx.marks().byClientMarkId(judge.id(), mark.clientMarkId());
        if (prior.isPresent()) {
            return new StoredAck(repeat(prior.get(), mark), prior.get());
        }
        StoredEntry entry = tx.entries().find(mark.entryId()).filter(e -> e.eventId() == event.id())
                .orElseThrow(() -> ApiException.notFound("Entry " + mark.entryId() + " of event " + event.id()));
        Criterion criterion = event.scheme().criterion(mark.criterion())
                .orElseThrow(() -> new RuleViolation("criterion", mark.criterion() + " is not a criterion of this event"));
        requireMayMark(tx, judge, event, entry, criterion);
        requireOpenForMarking(tx.contests().find(event.contestId()).orElseThrow(), event);
        RuleViolation.throwIfAny(MarkValue.validate(criterion, mark.value()));
        StoredMark stored = tx.marks().insert(new NewMark(judge.id(), mark.clientMarkId(), event.id(), entry.id(),
                criterion.code(), mark.value(), mark.deviceId(), null, null), clock.instant());
        audit.record(tx, judge, "mark.submit", "entry:" + entry.id(), event.contestId(), new JsonObject()
                .put("markId", stored.id()).put("eventId", event.id()).put("criterion", criterion.code())
                .put("version", stored.version()).put("value", stored.value()).put("clientMarkId", mark.clientMarkId()));
        return new StoredAck(Ack.accepted(stored), stored);
    }

    private static Ack repeat(StoredMark prior, MarkSubmission mark) {
        if (mark.sameContentAs(prior.eventId(), prior.entryId(), prior.criterion(), prior.value())) {
            return Ack.duplicate(prior);
        }
        throw ApiException.conflict("IDEMPOTENCY_CONFLICT", "This clientMarkId was used for a different mark.",
                List.of(new Problem("clientMarkId", "was used for a different mark")));
    }

    /** On the panel, assigned the criterion, and not in conflict with the entry. */
    static void requireMayMark(Stores tx, SignedInUser judge, StoredEvent event, StoredEntry entry, Criterion criterion) {
        PanelSeat seat = tx.panels().seatOf(event.id(), judge.id())
                .orElseThrow(() -> ApiException.forbidden("You are not on the panel of this event."));
        if (!seat.marks(criterion.code())) {
            throw ApiException.forbidden("Criterion " + criterion.code() + " is not assigned to you.");
        }
        if (ConflictOfInterest.exists(judge.affiliation(), Assignments.unitsOf(entry))) {
            throw ApiException.conflict("CONFLICT_OF_INTEREST", "You may not mark entry " + entry.bib()
                    + ": it is from your own unit (回避).", List.of(new Problem("entryId", "conflict of interest")));
        }
    }

    /** Marks are taken while the contest is RUNNING and the event unlocked. */
    static void requireOpenForMarking(StoredContest contest, StoredEvent event) {
        if (contest.status() != ContestStatus.RUNNING) {
            throw ApiException.conflict("WRONG_STATE", "Marks are taken while the contest is RUNNING; it is " + contest.status() + ".",
                    List.of(new Problem("status", "is " + contest.status())));
        }
        if (event.locked()) {
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

    private void notifyListeners(StoredMark mark) {
        for (MarkListener listener : listeners) {
            try {
                listener.markStored(mark);
            } catch (RuntimeException e) {
                // The mark is committed and acknowledged whatever a listener does.
                LOG.error("mark listener failed for mark {}", mark.id(), e);
            }
        }
    }
}
