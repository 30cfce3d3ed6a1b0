package org.craftmark.server.chief;

import io.vertx.core.json.JsonObject;
import org.craftmark.core.common.Problem;
import org.craftmark.core.common.RuleViolation;
import org.craftmark.core.marking.ConflictOfInterest;
import org.craftmark.core.marking.Criterion;
import org.craftmark.core.marking.CriterionResult;
import org.craftmark.core.marking.MarkValue;
import org.craftmark.core.pipeline.ContestStatus;
import org.craftmark.core.recheck.RecheckPolicy;
import org.craftmark.server.audit.AuditLog;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.http.ApiException;
import org.craftmark.server.marking.Assignments;
import org.craftmark.server.marking.JudgeSessions;
import org.craftmark.server.results.CountingMarks;
import org.craftmark.server.results.EventMarking;
import org.craftmark.server.results.ResultsService;
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

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The chief judge's (裁判长) tools: lock an event once every ACTIVE entry is complete (and any
 * recheck finished), unlock it with a reason, correct a judge's mark with a reason, and watch
 * marking progress. Each change is one transaction holding the event's row lock — the same lock
 * marks take — with its audit entry; judges hear of locks over {@code /ws/judge} after the commit.
 */
public final class ChiefService {
    private static final Logger LOG = LoggerFactory.getLogger(ChiefService.class);
    /** Server-made clientMarkIds of corrections: never a tablet's UUID, unique per judge like theirs. */
    static final String CORRECTION_PREFIX = "correction-";

    /** A correction as read from the wire. */
    public record Correction(String criterion, long judgeUserId, BigDecimal value, String reason) {
    }

    /** The corrected mark, with the value it replaced. */
    public record Corrected(StoredMark mark, BigDecimal previousValue) {
    }

    private final Database db;
    private final AuditLog audit;
    private final Clock clock;
    private final JudgeSessions judges;
    private final ResultsService results;
    private final UpheldAppeals appeals;
    private final RecheckPolicy policy;

    public ChiefService(Database db, AuditLog audit, Clock clock, JudgeSessions judges, ResultsService results,
                        UpheldAppeals appeals, RecheckPolicy policy) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
        this.judges = judges;
        this.results = results;
        this.appeals = appeals;
        this.policy = policy;
    }

    private record Locking(StoredEvent event, boolean changed) {
    }

    /**
     * Locks the event: 409 {@code WRONG_STATE} unless the contest is RUNNING (or PUBLISHED with the
     * event reopened by an upheld appeal: the chief re-locks after the corrections); 409 {@code CONFLICT}
     * listing every incomplete criterion of every ACTIVE entry, every open discrepancy and an
     * unfinished recheck. Locking a locked event changes nothing.
     */
    public StoredEvent lock(SignedInUser actor, long eventId) {
        Locking done = db.transaction(tx -> {
            StoredEvent event = tx.events().findForUpdate(eventId).orElseThrow(() -> ApiException.notFound("Event " + eventId));
            StoredContest contest = tx.contests().find(event.contestId()).orElseThrow();
            ChiefAccess.requireChief(tx, actor, event);
            if (event.locked()) {
                return new Locking(event, false);
            }
            requireReopenable(tx, contest, event, "locked");
            List<Problem> blockers = new ArrayList<>(EventMarking.read(tx, event).incomplete());
            int incomplete = blockers.size();
            tx.rechecks().latestOfEvent(eventId).map(r -> RecheckView.of(r, policy)).filter(r -> !r.tally().finished())
                    .ifPresent(r -> blockers.add(r.unfinished()));
            if (!blockers.isEmpty()) {
                throw ApiException.conflict("CONFLICT", lockRefusal(incomplete, blockers.size() > incomplete), blockers);
            }
            tx.events().setLocked(eventId, true);
            audit.record(tx, actor, "event.lock", "event:" + eventId, contest.id(), new JsonObject().put("eventId", eventId));
            return new Locking(tx.events().find(eventId).orElseThrow(), true);
        });
        if (done.changed()) {
            afterLockChange(eventId, "locked");
        }
        return done.event();
    }

    private static String lockRefusal(int incomplete, boolean recheckOpen) {
        List<String> reasons = new ArrayList<>();
        if (incomplete > 0) {
            reasons.add(incomplete + (incomplete == 1 ? " criterion is" : " criteria are") + " incomplete or in discrepancy");
        }
        if (recheckOpen) {
            reasons.add("the recheck is not finished");
        }
        return "The event cannot be locked: " + String.join("; ", reasons) + ".";
    }

    /**
     * Unlocks the event, with the reason audited: while the contest is RUNNING, or PUBLISHED when
     * {@link UpheldAppeals} says an appeal on the event was upheld. Unlocking an unlocked event
     * changes nothing.
     */
    public StoredEvent unlock(SignedInUser actor, long eventId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("reason", "is required");
        }
        Locking done = db.transaction(tx -> {
            StoredEvent event = tx.events().findForUpdate(eventId).orElseThrow(() -> ApiException.notFound("Event " + eventId));
            StoredContest contest = tx.contests().find(event.contestId()).orElseThrow();
            ChiefAccess.requireChief(tx, actor, event);
            if (!event.locked()) {
                return new Locking(event, false);
            }
            requireReopenable(tx, contest, event, "unlocked");
            tx.events().setLocked(eventId, false);
            audit.record(tx, actor, "event.unlock", "event:" + eventId, contest.id(),
                    new JsonObject().put("eventId", eventId).put("reason", reason));
            return new Locking(tx.events().find(eventId).orElseThrow(), true);
        });
        if (done.changed()) {
            afterLockChange(eventId, "unlocked");
        }
        return done.event();
    }

    private void afterLockChange(long eventId, String type) {
        judges.push(eventId, new JsonObject().put("type", type).put("eventId", eventId));
        refreshResults(eventId);
    }

    private record Stored(Corrected corrected, boolean discrepancy) {
    }

    /**
     * Stores a new version of a judge's mark entered by the chief judge, with the reason: the judge
     * must sit on the panel and be assigned the criterion, not be in conflict with the entry, and
     * have marked it already (409 otherwise); the value must be a valid mark. Only while the event is unlocked (and the contest RUNNING, or
     * reopened by an upheld appeal). The earlier version stays in the history.
     */
    public Corrected correct(SignedInUser actor, long entryId, Correction correction) {
        Stored stored = db.transaction(tx -> {
            StoredEntry entry = tx.entries().find(entryId).orElseThrow(() -> ApiException.notFound("Entry " + entryId));
            StoredEvent event = tx.events().findForUpdate(entry.eventId()).orElseThrow();
            StoredContest contest = tx.contests().find(event.contestId()).orElseThrow();
            ChiefAccess.requireChief(tx, actor, event);
            Criterion criterion = checkCorrection(tx, event, correction);
            requireReopenable(tx, contest, event, "corrected");
            if (event.locked()) {
                throw ApiException.conflict("EVENT_LOCKED", "The event is locked; unlock it (with a reason) to correct marks.",
                        List.of(new Problem("eventId", "is locked")));
            }
            SignedInUser judge = tx.users().findById(correction.judgeUserId()).orElseThrow();
            if (ConflictOfInterest.exists(judge.affiliation(), Assignments.unitsOf(entry))) {
                throw ApiException.conflict("CONFLICT_OF_INTEREST", "Judge " + judge.username() + " may not mark entry "
                        + entry.bib() + ": it is from their own unit (回避).", List.of(new Problem("judgeUserId", "conflict of interest")));
            }
            StoredMark previous = tx.marks().current(entryId, criterion.code()).stream()
                    .filter(m -> m.judgeUserId() == judge.id()).findFirst()
                    .orElseThrow(() -> nothingToCorrect(judge, entry, criterion));
            StoredMark mark = tx.marks().insert(new NewMark(judge.id(), CORRECTION_PREFIX + UUID.randomUUID(), event.id(), entryId,
                    criterion.code(), correction.value(), null, actor.id(), correction.reason()), clock.instant());
            audit.record(tx, actor, "mark.correct", "entry:" + entryId, contest.id(), new JsonObject()
                    .put("markId", mark.id()).put("eventId", event.id()).put("criterion", criterion.code())
                    .put("judgeUserId", judge.id()).put("version", mark.version()).put("value", mark.value())
                    .put("previousValue", previous.value()).put("reason", correction.reason()));
            List<BigDecimal> values = CountingMarks.of(tx, event.id(), entryId, criterion.code()).stream().map(StoredMark::value).toList();
            return new Stored(new Corrected(mark, previous.value()), CriterionResult.of(criterion, values).discrepancy());
        });
        StoredMark mark = stored.corrected().mark();
        // A rebuild rather than markStored: corrections are rare, and a rebuild is published at once
        // (marks may be coalesced), so the leaderboard shows the correction when this answers.
        refreshResults(mark.eventId());
        if (stored.discrepancy()) {
            judges.push(mark.eventId(), new JsonObject().put("type", "discrepancy").put("eventId", mark.eventId())
                    .put("entryId", mark.entryId()).put("criterion", mark.criterion()));
        }
        return stored.corrected();
    }

    /** A correction changes a judge's existing mark; it never makes up a mark the judge did not give. */
    private static ApiException nothingToCorrect(SignedInUser judge, StoredEntry entry, Criterion criterion) {
        return ApiException.conflict("CONFLICT", "Judge " + judge.username() + " has no mark for entry " + entry.bib()
                + " on " + criterion.code() + " to correct; the judge marks it first.",
                List.of(new Problem("judgeUserId", "has no mark for entry " + entry.bib() + " on " + criterion.code())));
    }

    /** The body's criterion, judge and value, every problem at once (400 VALIDATION_FAILED). */
    private static Criterion checkCorrection(Stores tx, StoredEvent event, Correction correction) {
        List<Problem> problems = new ArrayList<>();
        if (correction.reason() == null || correction.reason().isBlank()) {
            problems.add(new Problem("reason", "is required"));
        }
        Optional<Criterion> criterion = event.scheme().criterion(correction.criterion());
        if (criterion.isEmpty()) {
            problems.add(new Problem("criterion", correction.criterion() + " is not a criterion of this event"));
        }
        Optional<PanelSeat> seat = tx.panels().seatOf(event.id(), correction.judgeUserId());
        if (seat.isEmpty()) {
            problems.add(new Problem("judgeUserId", "user " + correction.judgeUserId() + " is not on this event's panel"));
        } else if (criterion.isPresent() && !seat.get().marks(criterion.get().code())) {
            problems.add(new Problem("judgeUserId", "user " + correction.judgeUserId() + " is not assigned " + criterion.get().code()));
        }
        criterion.ifPresent(c -> problems.addAll(MarkValue.validate(c, correction.value())));
        RuleViolation.throwIfAny(problems);
        return criterion.orElseThrow();
    }

    /** Marking progress: the chief judge, the organizer in scope and ADMIN may look. */
    public ProgressView progress(SignedInUser actor, long eventId) {
        return db.transaction(tx -> {
            StoredEvent event = tx.events().find(eventId).orElseThrow(() -> ApiException.notFound("Event " + eventId));
            StoredContest contest = tx.contests().find(event.contestId()).orElseThrow();
            ChiefAccess.requireChiefOrOrganizer(tx, actor, event, contest);
            RecheckView recheck = tx.rechecks().latestOfEvent(eventId).map(r -> RecheckView.of(r, policy)).orElse(null);
            return new Progress(tx, event).view(recheck);
        });
    }

    /** 409 WRONG_STATE unless the contest is RUNNING (marking). */
    static void requireRunning(StoredContest contest, String what) {
        if (contest.status() != ContestStatus.RUNNING) {
            throw ApiException.conflict("WRONG_STATE", "Events are " + what + " while the contest is RUNNING; it is "
                    + contest.status() + ".", List.of(new Problem("status", "is " + contest.status())));
        }
    }

    /**
     * RUNNING; or PUBLISHED with an upheld appeal on the event — the one place appeals will widen
     * what the chief judge may do after publication.
     */
    private void requireReopenable(Stores tx, StoredContest contest, StoredEvent event, String what) {
        if (contest.status() == ContestStatus.PUBLISHED && appeals.reopen(tx, event.id())) {
            return;
        }
        requireRunning(contest, what);
    }

    private void refreshResults(long eventId) {
        try {
            results.refresh(eventId);
        } catch (RuntimeException e) {
            // The change is committed; the board rebuilds from the database on the next change.
            LOG.error("results refresh failed for event {}", eventId, e);
        }
    }
}
