package org.craftmark.server.contests;

import io.vertx.core.json.JsonObject;
import org.craftmark.core.common.Problem;
import org.craftmark.core.pipeline.LifecycleAction;
import org.craftmark.core.pipeline.NoticePeriod;
import org.craftmark.core.pipeline.Transition;
import org.craftmark.server.audit.AuditLog;
import org.craftmark.server.auth.Access;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.http.ApiException;
import org.craftmark.server.live.LiveFeeds;
import org.craftmark.server.results.EventMarking;
import org.craftmark.server.results.ResultsJson;
import org.craftmark.server.store.ContestStore.StoredContest;
import org.craftmark.server.store.Database;
import org.craftmark.server.store.EventStore.StoredEvent;
import org.craftmark.server.store.PublishedResultStore.PublishedResult;
import org.craftmark.server.store.Stores;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Publication (公示): once every event is locked, the contest's results become public, frozen as
 * results version 1, and the notice period for appeals starts.
 */
public final class PublicationService {
    private final Database db;
    private final LiveFeeds feeds;
    private final AuditLog audit;
    private final Clock clock;

    public PublicationService(Database db, LiveFeeds feeds, AuditLog audit, Clock clock) {
        this.db = db;
        this.feeds = feeds;
        this.audit = audit;
        this.clock = clock;
    }

    public StoredContest publish(SignedInUser actor, long contestId) {
        return db.transaction(tx -> {
            StoredContest contest = tx.contests().findForUpdate(contestId).orElseThrow(() -> ApiException.notFound("Contest " + contestId));
            Access.requireOrganizerOf(actor, contest.region(), tx.regions().tree());
            switch (contest.status().transition(LifecycleAction.PUBLISH)) {
                case Transition.Moved moved -> publish(tx, actor, contest);
                case Transition.Repeated repeated -> {
                    // Idempotent: already published.
                }
                case Transition.WrongState wrong -> throw ContestService.wrongState(wrong.problem());
                case Transition.Blocked blocked -> throw ApiException.conflict("WRONG_STATE", "The contest cannot publish yet.", blocked.problems());
            }
            return tx.contests().find(contestId).orElseThrow();
        });
    }

    private void publish(Stores tx, SignedInUser actor, StoredContest contest) {
        List<StoredEvent> events = tx.events().ofContest(contest.id());
        requireAllLocked(events);
        requireAllComplete(tx, events);
        Instant now = clock.instant();
        NoticePeriod notice = new NoticePeriod(now, contest.noticeDays());
        int version = contest.resultsVersion() + 1;
        for (StoredEvent event : events) {
            var published = feeds.published(event.id());
            tx.published().insert(new PublishedResult(event.id(), version, published.seq(), now,
                    ResultsJson.rows(published.rows()).encode()));
        }
        tx.contests().markPublished(contest.id(), now, notice.endsAt(), version);
        audit.record(tx, actor, "contest.publish", "contest:" + contest.id(), contest.id(), new JsonObject()
                .put("publishedAt", now.toString()).put("noticeEndsAt", notice.endsAt().toString()).put("resultsVersion", version));
    }

    /**
     * Checked again from the committed marks, whatever the lock says: only complete results are made
     * public, so nothing that slipped past a lock (an entry made ACTIVE again) is published unmarked.
     */
    private static void requireAllComplete(Stores tx, List<StoredEvent> events) {
        List<Problem> incomplete = new ArrayList<>();
        for (StoredEvent event : events) {
            EventMarking.read(tx, event).incomplete().forEach(p ->
                    incomplete.add(new Problem("event " + event.id() + " (" + event.occupationName() + ") " + p.field(), p.problem())));
        }
        if (!incomplete.isEmpty()) {
            throw ApiException.conflict("CONFLICT", "Every ACTIVE entry must be completely marked before publication: "
                    + incomplete.size() + " criteria are incomplete.", incomplete);
        }
    }

    /** Every event's marks must be checked and locked by its chief judge before anything is public. */
    private static void requireAllLocked(List<StoredEvent> events) {
        List<Problem> unlocked = events.stream().filter(e -> !e.locked())
                .map(e -> new Problem("event " + e.id() + " (" + e.occupationName() + ")", "is not locked")).toList();
        if (!unlocked.isEmpty()) {
            throw ApiException.conflict("WRONG_STATE", "Every event must be locked by its chief judge before publication.", unlocked);
        }
    }
}
