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
import org.craftmark.server.store.AppealStore.StoredAppeal;
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
 * Publication (公示): once every event is locked and complete, the contest's results become public,
 * frozen as results version 1, and the notice period for appeals starts. Publishing again after an
 * upheld appeal's corrections freezes the next version (republication); otherwise a repeat changes
 * nothing.
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
                    if (awaitsRepublication(tx, contest)) {
                        republish(tx, actor, contest);
                    }
                    // Otherwise idempotent: already published, nothing new to publish.
                }
                case Transition.WrongState wrong -> throw ContestService.wrongState(wrong.problem());
                case Transition.Blocked blocked -> throw ApiException.conflict("WRONG_STATE", "The contest cannot publish yet.", blocked.problems());
            }
            return tx.contests().find(contestId).orElseThrow();
        });
    }

    private void publish(Stores tx, SignedInUser actor, StoredContest contest) {
        Instant now = clock.instant();
        int version = freezeNextVersion(tx, contest, now);
        NoticePeriod notice = new NoticePeriod(now, contest.noticeDays());
        tx.contests().markPublished(contest.id(), now, notice.endsAt(), version);
        audit.record(tx, actor, "contest.publish", "contest:" + contest.id(), contest.id(), new JsonObject()
                .put("publishedAt", now.toString()).put("noticeEndsAt", notice.endsAt().toString()).put("resultsVersion", version));
    }

    /**
     * After an upheld appeal's corrections (the chief judge re-locked the event): the results as they
     * now stand become the next version; earlier versions stay readable. The notice period is not
     * restarted — the corrections are published within the 公示 that is running.
     */
    private void republish(Stores tx, SignedInUser actor, StoredContest contest) {
        int version = freezeNextVersion(tx, contest, clock.instant());
        tx.contests().markRepublished(contest.id(), version);
        tx.appeals().markCorrectedIn(contest.id(), version);
        audit.record(tx, actor, "contest.republish", "contest:" + contest.id(), contest.id(),
                new JsonObject().put("resultsVersion", version));
    }

    /** Every event locked and complete, frozen as the contest's next results version. */
    private int freezeNextVersion(Stores tx, StoredContest contest, Instant now) {
        requirePublishable(tx, contest);
        int version = contest.resultsVersion() + 1;
        for (StoredEvent event : tx.events().ofContest(contest.id())) {
            var published = feeds.settled(event.id());
            tx.published().insert(new PublishedResult(event.id(), version, published.seq(), now,
                    ResultsJson.rows(published.rows()).encode()));
        }
        return version;
    }

    /** True when an upheld appeal's corrections are waiting for a new results version. */
    public static boolean awaitsRepublication(Stores tx, StoredContest contest) {
        return tx.appeals().ofContest(contest.id()).stream().anyMatch(StoredAppeal::awaitsRepublication);
    }

    /**
     * What stops publication, as the refusal lists it: events not locked by their chief judge, and —
     * checked again from the committed marks that count, whatever the lock says — criteria of ACTIVE
     * entries not complete, so nothing that slipped past a lock (a judge taken off a criterion) is made
     * public unmarked. Recorded results are complete by definition. Empty when publication may go ahead.
     */
    public static List<Problem> blockers(Stores tx, StoredContest contest) {
        List<StoredEvent> events = tx.events().ofContest(contest.id());
        List<Problem> unlocked = unlocked(events);
        return unlocked.isEmpty() ? incomplete(tx, events) : unlocked;
    }

    private static List<Problem> incomplete(Stores tx, List<StoredEvent> events) {
        List<Problem> incomplete = new ArrayList<>();
        for (StoredEvent event : events.stream().filter(e -> !e.recorded()).toList()) {
            EventMarking.read(tx, event).incomplete().forEach(p ->
                    incomplete.add(new Problem(eventName(event) + " " + p.field(), p.problem())));
        }
        return incomplete;
    }

    private static List<Problem> unlocked(List<StoredEvent> events) {
        return events.stream().filter(e -> !e.locked()).map(e -> new Problem(eventName(e), "is not locked")).toList();
    }

    private static String eventName(StoredEvent event) {
        return "event " + event.id() + " (" + event.occupationName() + ")";
    }

    /** Every event locked by its chief judge and completely marked before anything is public. */
    private static void requirePublishable(Stores tx, StoredContest contest) {
        List<StoredEvent> events = tx.events().ofContest(contest.id());
        List<Problem> unlocked = unlocked(events);
        if (!unlocked.isEmpty()) {
            throw ApiException.conflict("WRONG_STATE", "Every event must be locked by its chief judge before publication.", unlocked);
        }
        List<Problem> incomplete = incomplete(tx, events);
        if (!incomplete.isEmpty()) {
            throw ApiException.conflict("CONFLICT", "Every ACTIVE entry must be completely marked before publication: "
                    + incomplete.size() + " criteria are incomplete.", incomplete);
        }
    }
}
