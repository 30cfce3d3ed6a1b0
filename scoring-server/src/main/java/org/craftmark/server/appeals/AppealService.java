package org.craftmark.server.appeals;

import io.vertx.core.json.JsonObject;
import org.craftmark.core.common.Problem;
import org.craftmark.core.common.RuleViolation;
import org.craftmark.core.pipeline.ContestStatus;
import org.craftmark.core.pipeline.NoticePeriod;
import org.craftmark.server.audit.AuditLog;
import org.craftmark.server.auth.Access;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.chief.UpheldAppeals;
import org.craftmark.server.http.ApiException;
import org.craftmark.server.store.AppealStore.AppealStatus;
import org.craftmark.server.store.AppealStore.NewAppeal;
import org.craftmark.server.store.AppealStore.StoredAppeal;
import org.craftmark.server.store.ContestStore.StoredContest;
import org.craftmark.server.store.Database;
import org.craftmark.server.store.EntryStore.StoredEntry;
import org.craftmark.server.store.EventStore.StoredEvent;
import org.craftmark.server.store.Stores;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;

/**
 * Appeals (申诉) against published results: filed while the notice period (公示) runs, by the
 * organizer or the event's chief judge; decided by the organizer. An UPHELD appeal unlocks its event
 * so the chief judge can correct marks; the corrections become public in the next results version.
 * A REJECTED appeal changes nothing.
 */
public final class AppealService implements UpheldAppeals {
    static final int MAX_TEXT = 1000;

    /** An appeal's decision as read from the wire. */
    public enum Decision { UPHELD, REJECTED }

    /** An appeal with the names a reader needs: the entry's bib and who filed and decided it. */
    public record AppealView(StoredAppeal appeal, String bib, String filedBy, String resolvedBy) {
    }

    private final Database db;
    private final AuditLog audit;
    private final Clock clock;
    private final List<LongConsumer> reopened = new CopyOnWriteArrayList<>();

    public AppealService(Database db, AuditLog audit, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
    }

    /** Told (with the event id) after an upheld appeal unlocked an event. */
    public void onEventReopened(LongConsumer listener) {
        reopened.add(listener);
    }

    public AppealView file(SignedInUser actor, long eventId, long entryId, String reason) {
        requireText("reason", reason);
        return db.transaction(tx -> {
            StoredEvent event = tx.events().find(eventId).orElseThrow(() -> ApiException.notFound("Event " + eventId));
            StoredContest contest = tx.contests().findForUpdate(event.contestId()).orElseThrow();
            requireOrganizerOrChief(tx, actor, event, contest);
            StoredEntry entry = tx.entries().find(entryId).filter(e -> e.eventId() == eventId)
                    .orElseThrow(() -> new RuleViolation("entryId", entryId + " is not an entry of this event"));
            requireNoticeRunning(contest);
            long id = tx.appeals().insert(new NewAppeal(contest.id(), eventId, entryId, reason.strip(), contest.resultsVersion(),
                    actor.id()), clock.instant());
            audit.record(tx, actor, "appeal.file", "appeal:" + id, contest.id(), new JsonObject().put("eventId", eventId)
                    .put("entryId", entryId).put("bib", entry.bib()).put("disputedVersion", contest.resultsVersion())
                    .put("reason", reason.strip()));
            return view(tx, tx.appeals().find(id).orElseThrow());
        });
    }

    /**
     * Decides an OPEN appeal (organizer). UPHELD unlocks the event for the chief judge's corrections,
     * audited as an unlock; deciding an appeal a second time is 409.
     */
    public AppealView resolve(SignedInUser actor, long appealId, Decision decision, String note) {
        requireText("note", note);
        Resolved resolved = db.transaction(tx -> {
            StoredAppeal appeal = tx.appeals().findForUpdate(appealId).orElseThrow(() -> ApiException.notFound("Appeal " + appealId));
            StoredContest contest = tx.contests().findForUpdate(appeal.contestId()).orElseThrow();
            Access.requireOrganizerOf(actor, contest.region(), tx.regions().tree());
            if (appeal.status() != AppealStatus.OPEN) {
                throw ApiException.conflict("WRONG_STATE", "Appeal #" + appealId + " was already decided: " + appeal.status() + ".",
                        List.of(new Problem("status", "is " + appeal.status())));
            }
            Instant now = clock.instant();
            tx.appeals().resolve(appealId, AppealStatus.valueOf(decision.name()), note.strip(), actor.id(), now);
            audit.record(tx, actor, "appeal.resolve", "appeal:" + appealId, contest.id(), new JsonObject()
                    .put("decision", decision.name()).put("note", note.strip()).put("eventId", appeal.eventId()));
            boolean unlocked = decision == Decision.UPHELD && unlockForCorrections(tx, actor, appeal);
            return new Resolved(view(tx, tx.appeals().find(appealId).orElseThrow()), unlocked);
        });
        if (resolved.unlocked()) {
            reopened.forEach(listener -> listener.accept(resolved.view().appeal().eventId()));
        }
        return resolved.view();
    }

    private record Resolved(AppealView view, boolean unlocked) {
    }

    private boolean unlockForCorrections(Stores tx, SignedInUser actor, StoredAppeal appeal) {
        StoredEvent event = tx.events().findForUpdate(appeal.eventId()).orElseThrow();
        if (!event.locked()) {
            return false;
        }
        tx.events().setLocked(event.id(), false);
        audit.record(tx, actor, "event.unlock", "event:" + event.id(), appeal.contestId(), new JsonObject()
                .put("eventId", event.id()).put("reason", "appeal #" + appeal.id() + " upheld"));
        return true;
    }

    /** The event's appeals: its organizers, ADMIN and the event's chief judge may read them. */
    public List<AppealView> ofEvent(SignedInUser actor, long eventId) {
        Stores stores = db.stores();
        StoredEvent event = stores.events().find(eventId).orElseThrow(() -> ApiException.notFound("Event " + eventId));
        requireOrganizerOrChief(stores, actor, event, stores.contests().find(event.contestId()).orElseThrow());
        return stores.appeals().ofEvent(eventId).stream().map(a -> view(stores, a)).toList();
    }

    /** Every appeal of the contest: its organizers and ADMIN. */
    public List<AppealView> ofContest(SignedInUser actor, long contestId) {
        Stores stores = db.stores();
        StoredContest contest = stores.contests().find(contestId).orElseThrow(() -> ApiException.notFound("Contest " + contestId));
        Access.requireOrganizerOf(actor, contest.region(), stores.regions().tree());
        return stores.appeals().ofContest(contestId).stream().map(a -> view(stores, a)).toList();
    }

    public AppealView get(SignedInUser actor, long appealId) {
        Stores stores = db.stores();
        StoredAppeal appeal = stores.appeals().find(appealId).orElseThrow(() -> ApiException.notFound("Appeal " + appealId));
        StoredEvent event = stores.events().find(appeal.eventId()).orElseThrow();
        requireOrganizerOrChief(stores, actor, event, stores.contests().find(appeal.contestId()).orElseThrow());
        return view(stores, appeal);
    }

    @Override
    public boolean reopen(Stores tx, long eventId) {
        return tx.appeals().ofEvent(eventId).stream().anyMatch(StoredAppeal::awaitsRepublication);
    }

    private static void requireOrganizerOrChief(Stores tx, SignedInUser actor, StoredEvent event, StoredContest contest) {
        boolean chief = tx.panels().seatOf(event.id(), actor.id()).filter(seat -> seat.isChief()).isPresent();
        if (!chief && !Access.isOrganizerOf(actor, contest.region(), tx.regions().tree())) {
            throw ApiException.forbidden("Only the organizer of the contest or the event's chief judge may do this.");
        }
    }

    /** Appeals are filed while the contest is PUBLISHED and its notice period has not ended. */
    private void requireNoticeRunning(StoredContest contest) {
        if (contest.status() != ContestStatus.PUBLISHED) {
            throw ApiException.conflict("WRONG_STATE", "Appeals are filed while results are published (公示); the contest is "
                    + contest.status() + ".", List.of(new Problem("status", "is " + contest.status())));
        }
        NoticePeriod notice = new NoticePeriod(contest.publishedAt(), contest.noticeDays());
        if (!notice.acceptsAppeals(clock.instant())) {
            throw ApiException.conflict("WRONG_STATE", "The notice period (公示) ended at " + notice.endsAt()
                    + "; appeals are no longer taken.", List.of(new Problem("noticeEndsAt", "ended at " + notice.endsAt())));
        }
    }

    private static void requireText(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new RuleViolation(field, "is required");
        }
        if (text.strip().length() > MAX_TEXT) {
            throw new RuleViolation(field, "must be at most " + MAX_TEXT + " characters");
        }
    }

    private static AppealView view(Stores stores, StoredAppeal appeal) {
        String bib = stores.entries().find(appeal.entryId()).map(StoredEntry::bib).orElse(null);
        String filedBy = stores.users().findById(appeal.filedBy()).map(SignedInUser::username).orElse(null);
        String resolvedBy = appeal.resolvedBy() == null ? null
                : stores.users().findById(appeal.resolvedBy()).map(SignedInUser::username).orElse(null);
        return new AppealView(appeal, bib, filedBy, resolvedBy);
    }
}
