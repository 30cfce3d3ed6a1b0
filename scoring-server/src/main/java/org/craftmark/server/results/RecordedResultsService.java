package org.craftmark.server.results;

import io.vertx.core.json.JsonObject;
import org.craftmark.core.common.Problem;
import org.craftmark.core.common.RuleViolation;
import org.craftmark.core.pipeline.ContestStatus;
import org.craftmark.core.ranking.RecordedRanking;
import org.craftmark.core.ranking.RecordedRanking.Entrant;
import org.craftmark.core.ranking.RecordedRanking.Place;
import org.craftmark.server.audit.AuditLog;
import org.craftmark.server.auth.Access;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.http.ApiException;
import org.craftmark.server.store.ContestStore.StoredContest;
import org.craftmark.server.store.Database;
import org.craftmark.server.store.EventStore.StoredEvent;
import org.craftmark.server.store.RecordedResultStore.RecordedResult;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;

/**
 * Results of contests run elsewhere (WORLD, or a national final on another system), recorded as ranks
 * so that entitlements and winner lists are whole: they stand in for marking, rank the event and lock
 * it; publication and finalization then work as usual. Importing again while the contest is RUNNING
 * replaces them.
 */
public final class RecordedResultsService {
    private final Database db;
    private final AuditLog audit;
    private final Clock clock;
    private final List<LongConsumer> eventChanged = new CopyOnWriteArrayList<>();

    public RecordedResultsService(Database db, AuditLog audit, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
    }

    /** Told (with the event id) after recorded results were committed: the event's board rebuilds. */
    public void onEventChanged(LongConsumer listener) {
        eventChanged.add(listener);
    }

    public StoredEvent record(SignedInUser actor, long eventId, List<Place> places) {
        StoredEvent recorded = db.transaction(tx -> {
            StoredEvent event = tx.events().findForUpdate(eventId).orElseThrow(() -> ApiException.notFound("Event " + eventId));
            StoredContest contest = tx.contests().find(event.contestId()).orElseThrow();
            Access.requireOrganizerOf(actor, contest.region(), tx.regions().tree());
            if (contest.status() != ContestStatus.RUNNING) {
                throw ApiException.conflict("WRONG_STATE", "Results are recorded while the contest is RUNNING; it is "
                        + contest.status() + ".", List.of(new Problem("status", "is " + contest.status())));
            }
            List<Entrant> entrants = tx.entries().ofEvent(eventId).stream()
                    .map(e -> new Entrant(e.id(), e.bib(), e.status())).toList();
            RuleViolation.throwIfAny(RecordedRanking.problems(entrants, places));
            tx.recorded().replace(eventId, places.stream().map(p -> new RecordedResult(p.entryId(), p.rank(), p.total())).toList());
            tx.events().markRecorded(eventId);
            audit.record(tx, actor, "results.import", "event:" + eventId, contest.id(),
                    new JsonObject().put("eventId", eventId).put("entries", places.size()).put("at", clock.instant().toString()));
            return tx.events().find(eventId).orElseThrow();
        });
        eventChanged.forEach(listener -> listener.accept(eventId));
        return recorded;
    }
}
