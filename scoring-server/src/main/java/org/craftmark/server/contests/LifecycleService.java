package org.craftmark.server.contests;

import org.craftmark.core.common.Problem;
import org.craftmark.core.pipeline.NoticePeriod;
import org.craftmark.core.pipeline.Transition;
import org.craftmark.server.advancement.AdvancementService;
import org.craftmark.server.auth.Access;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.http.ApiException;
import org.craftmark.server.store.ContestStore.StoredContest;
import org.craftmark.server.store.Database;
import org.craftmark.server.store.Stores;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Where a contest stands and what its organizer can do next — the one button of the console's
 * timeline — with every precondition that holds it back, from the same checks the moves enforce.
 */
public final class LifecycleService {
    /** The organizer's next move; {@code blockers} empty when it may be made now. */
    public enum Action { OPEN, START, PUBLISH, REPUBLISH, FINALIZE, ADVANCE }

    /**
     * What the next move would do, for its confirmation ("Publish 3 events; 公示 ends 2026-12-08").
     *
     * @param noticeEndsAt when the notice period publication would start ends (PUBLISH), or the running one's end
     * @param advancing    how many entries advancing would create (ADVANCE), else null
     * @param toContest    the fed contest's name (ADVANCE), else null
     */
    public record Summary(int events, Instant noticeEndsAt, Integer advancing, String toContest, Long toContestId) {
    }

    /** The next move, or none once the contest is FINAL and advanced (or feeds into nothing). */
    public record Next(Action action, List<Problem> blockers, Summary summary) {
        public boolean enabled() {
            return blockers.isEmpty();
        }
    }

    public record View(StoredContest contest, Next next) {
    }

    private final Database db;
    private final AdvancementService advancement;
    private final Clock clock;

    public LifecycleService(Database db, AdvancementService advancement, Clock clock) {
        this.db = db;
        this.advancement = advancement;
        this.clock = clock;
    }

    public View view(SignedInUser actor, long contestId) {
        Stores tx = db.stores();
        StoredContest contest = tx.contests().find(contestId).orElseThrow(() -> ApiException.notFound("Contest " + contestId));
        Access.requireOrganizerOf(actor, contest.region(), tx.regions().tree());
        return new View(contest, next(tx, actor, contest));
    }

    private Next next(Stores tx, SignedInUser actor, StoredContest contest) {
        Instant now = clock.instant();
        int events = tx.events().ofContest(contest.id()).size();
        Summary plain = new Summary(events, contest.noticeEndsAt(), null, null, null);
        return switch (contest.status()) {
            case DRAFT -> new Next(Action.OPEN, List.of(), plain);
            case OPEN -> new Next(Action.START, List.of(), plain);
            case RUNNING -> new Next(Action.PUBLISH, PublicationService.blockers(tx, contest),
                    new Summary(events, new NoticePeriod(now, contest.noticeDays()).endsAt(), null, null, null));
            case PUBLISHED -> PublicationService.awaitsRepublication(tx, contest)
                    ? new Next(Action.REPUBLISH, PublicationService.blockers(tx, contest), plain)
                    : new Next(Action.FINALIZE, blockers(FinalizationService.check(tx, contest, now)), plain);
            case FINAL -> advanceStep(actor, contest, events);
        };
    }

    private Next advanceStep(SignedInUser actor, StoredContest contest, int events) {
        if (contest.feedsInto() == null || contest.advancedAt() != null) {
            return null;
        }
        try {
            var preview = advancement.preview(actor, contest.id());
            int advancing = (int) preview.advanced().stream().filter(a -> a.toEntryId() == 0).count();
            return new Next(Action.ADVANCE, List.of(), new Summary(events, contest.noticeEndsAt(), advancing,
                    preview.target().name(), preview.target().id()));
        } catch (ApiException refused) {
            return new Next(Action.ADVANCE, refused.details(), new Summary(events, contest.noticeEndsAt(), 0, null, contest.feedsInto()));
        }
    }

    private static List<Problem> blockers(Transition transition) {
        return transition instanceof Transition.Blocked blocked ? blocked.problems() : List.of();
    }
}
