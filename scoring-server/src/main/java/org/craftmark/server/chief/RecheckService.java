package org.craftmark.server.chief;

import io.vertx.core.json.JsonObject;
import org.craftmark.core.common.Problem;
import org.craftmark.core.recheck.RecheckOutcome;
import org.craftmark.core.recheck.RecheckPick;
import org.craftmark.core.recheck.RecheckPolicy;
import org.craftmark.core.recheck.RecheckReason;
import org.craftmark.server.audit.AuditLog;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.http.ApiException;
import org.craftmark.server.store.ContestStore.StoredContest;
import org.craftmark.server.results.EventMarking;
import org.craftmark.server.store.Database;
import org.craftmark.server.store.EntryStore.StoredEntry;
import org.craftmark.server.store.EventStore.StoredEvent;
import org.craftmark.server.store.RecheckStore.NewItem;
import org.craftmark.server.store.RecheckStore.StoredItem;
import org.craftmark.server.store.RecheckStore.StoredRecheck;
import org.craftmark.server.store.Stores;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Rechecks (复核): the chief judge starts one on an unlocked event of a RUNNING contest; it picks
 * the top 10 of the leaderboard as it stands and a seeded sample of the rest ({@link RecheckPolicy});
 * the chief records each item's outcome. The event cannot be locked until every item has one.
 */
public final class RecheckService {
    /**
     * Seeds are kept within ±(2^53 − 1) so that every JSON reader (JavaScript included) reads them
     * back exactly and can redraw the sample.
     */
    public static final long MAX_SEED = (1L << 53) - 1;

    private final Database db;
    private final AuditLog audit;
    private final Clock clock;
    private final RecheckPolicy policy;
    private final SecureRandom seeds = new SecureRandom();

    public RecheckService(Database db, AuditLog audit, Clock clock) {
        this(db, audit, clock, RecheckPolicy.STANDARD);
    }

    public RecheckService(Database db, AuditLog audit, Clock clock, RecheckPolicy policy) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
        this.policy = policy;
    }

    /**
     * Starts a recheck with the given seed, or a random one: 409 {@code WRONG_STATE} unless the
     * contest is RUNNING, {@code EVENT_LOCKED} when locked (a recheck may lead to corrections), and
     * {@code CONFLICT} while the event's previous recheck is unfinished.
     */
    public RecheckView start(SignedInUser actor, long eventId, Long requestedSeed) {
        long seed = requestedSeed != null ? requestedSeed : seeds.nextLong(MAX_SEED + 1);
        return db.transaction(tx -> {
            StoredEvent event = tx.events().findForUpdate(eventId).orElseThrow(() -> ApiException.notFound("Event " + eventId));
            StoredContest contest = tx.contests().find(event.contestId()).orElseThrow();
            ChiefAccess.requireChief(tx, actor, event);
            ChiefService.requireRunning(contest, "rechecked");
            requireUnlocked(event);
            tx.rechecks().latestOfEvent(eventId).map(r -> RecheckView.of(r, policy)).filter(r -> !r.tally().finished())
                    .ifPresent(open -> {
                        throw ApiException.conflict("CONFLICT", "Recheck " + open.recheck().id() + " of this event is not finished.",
                                List.of(open.unfinished()));
                    });
            Map<String, Long> idsByBib = tx.entries().ofEvent(eventId).stream()
                    .collect(Collectors.toMap(StoredEntry::bib, StoredEntry::id));
            List<RecheckPick> picks = policy.select(EventMarking.read(tx, event).leaderboard(), seed);
            List<NewItem> items = picks.stream().map(p -> new NewItem(idsByBib.get(p.bib()), p.why())).toList();
            long id = tx.rechecks().insert(eventId, seed, actor.id(), items, clock.instant());
            RecheckView view = RecheckView.of(tx.rechecks().find(id).orElseThrow(), policy);
            audit.record(tx, actor, "recheck.start", "event:" + eventId, contest.id(), new JsonObject()
                    .put("recheckId", id).put("eventId", eventId).put("seed", seed)
                    .put("top", count(picks, RecheckReason.TOP_10)).put("sample", count(picks, RecheckReason.SAMPLE)));
            return view;
        });
    }

    /** The event's latest recheck: for the chief judge, the organizer in scope and ADMIN; 404 when none was started. */
    public RecheckView latest(SignedInUser actor, long eventId) {
        Stores stores = db.stores();
        StoredEvent event = stores.events().find(eventId).orElseThrow(() -> ApiException.notFound("Event " + eventId));
        StoredContest contest = stores.contests().find(event.contestId()).orElseThrow();
        ChiefAccess.requireChiefOrOrganizer(stores, actor, event, contest);
        return stores.rechecks().latestOfEvent(eventId).map(r -> RecheckView.of(r, policy))
                .orElseThrow(() -> ApiException.notFound("A recheck of event " + eventId));
    }

    /**
     * Records (or changes) one item's outcome while the event is unlocked and the contest RUNNING;
     * recording the same outcome and note again changes nothing.
     */
    public RecheckView record(SignedInUser actor, long recheckId, long entryId, RecheckOutcome outcome, String note) {
        return db.transaction(tx -> {
            long eventId = tx.rechecks().find(recheckId).orElseThrow(() -> ApiException.notFound("Recheck " + recheckId)).eventId();
            StoredEvent event = tx.events().findForUpdate(eventId).orElseThrow();
            StoredContest contest = tx.contests().find(event.contestId()).orElseThrow();
            ChiefAccess.requireChief(tx, actor, event);
            // Read again under the event's lock: outcomes and locking take turns.
            StoredRecheck recheck = tx.rechecks().find(recheckId).orElseThrow();
            StoredItem item = recheck.item(entryId)
                    .orElseThrow(() -> ApiException.notFound("Entry " + entryId + " in recheck " + recheckId));
            ChiefService.requireRunning(contest, "rechecked");
            requireUnlocked(event);
            if (item.outcome() == outcome && Objects.equals(item.note(), note)) {
                return RecheckView.of(recheck, policy);
            }
            tx.rechecks().recordOutcome(recheckId, entryId, outcome, note, actor.id(), clock.instant());
            RecheckView view = RecheckView.of(tx.rechecks().find(recheckId).orElseThrow(), policy);
            audit.record(tx, actor, "recheck.record", "entry:" + entryId, contest.id(), new JsonObject()
                    .put("recheckId", recheckId).put("eventId", eventId).put("bib", item.bib()).put("outcome", outcome.name())
                    .put("note", note).put("previousOutcome", item.outcome() == null ? null : item.outcome().name())
                    .put("fullRecheckRequired", view.tally().fullRecheckRequired()));
            return view;
        });
    }

    private static void requireUnlocked(StoredEvent event) {
        if (event.locked()) {
            throw ApiException.conflict("EVENT_LOCKED", "The event is locked; unlock it (with a reason) to recheck.",
                    List.of(new Problem("eventId", "is locked")));
        }
    }

    private static long count(List<RecheckPick> picks, RecheckReason why) {
        return picks.stream().filter(p -> p.why() == why).count();
    }
}
