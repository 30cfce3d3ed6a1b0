package org.craftmark.server.contests;

import org.craftmark.core.common.Problem;
import org.craftmark.core.pipeline.ContestStatus;
import org.craftmark.core.pipeline.NoticePeriod;
import org.craftmark.core.pipeline.Transition;
import org.craftmark.server.advancement.AdvancementService;
import org.craftmark.server.auth.Access;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.http.ApiException;
import org.craftmark.server.results.EventMarking;
import org.craftmark.server.store.AppealStore.AppealStatus;
import org.craftmark.server.store.AppealStore.StoredAppeal;
import org.craftmark.server.store.ContestStore.StoredContest;
import org.craftmark.server.store.Database;
import org.craftmark.server.store.EntryStore.StoredEntry;
import org.craftmark.server.store.EventStore.StoredEvent;
import org.craftmark.server.store.Stores;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Where a contest stands and what its organizer can do next — the one button of the console's
 * timeline — with what holds it back. The checks are the moves' own (publication's blockers, the
 * rulebook's finalize transition, advancement's preview); each hold-up also gets a stable
 * {@code kind} and its facts, so the console can say it in the user's language.
 */
public final class LifecycleService {
    /** The organizer's next move. */
    public enum Action { OPEN, START, PUBLISH, REPUBLISH, FINALIZE, ADVANCE }

    /** Why the next move cannot be made yet: a stable kind, its facts, and the server's own words. */
    public record Blocker(String kind, Map<String, Object> args, String problem) {
    }

    /**
     * What the next move would do, for its confirmation ("Publish 3 events; 公示 ends 2026-12-08").
     *
     * @param noticeEndsAt when the notice period publication would start ends (PUBLISH), or the running one's end
     * @param advancing    how many entries advancing would create (ADVANCE), else null
     */
    public record Summary(int events, Instant noticeEndsAt, int resultsVersion, Integer advancing, String toContest,
                          Long toContestId) {
    }

    /** The next move; {@code blockers} empty when it may be made now. */
    public record Next(Action action, List<Blocker> blockers, Summary summary) {
        public boolean enabled() {
            return blockers.isEmpty();
        }
    }

    /**
     * {@code next} is null once the contest is FINAL and advanced, or FINAL feeding into nothing;
     * {@code appealsOpen} says whether appeals are taken now (by the server's clock, not the browser's).
     */
    public record View(StoredContest contest, Next next, boolean appealsOpen) {
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
        Instant now = clock.instant();
        boolean appealsOpen = contest.status() == ContestStatus.PUBLISHED
                && new NoticePeriod(contest.publishedAt(), contest.noticeDays()).acceptsAppeals(now);
        return new View(contest, next(tx, actor, contest), appealsOpen);
    }

    private Next next(Stores tx, SignedInUser actor, StoredContest contest) {
        Instant now = clock.instant();
        List<StoredEvent> events = tx.events().ofContest(contest.id());
        Summary plain = new Summary(events.size(), contest.noticeEndsAt(), contest.resultsVersion(), null, null, null);
        return switch (contest.status()) {
            case DRAFT -> new Next(Action.OPEN, List.of(), plain);
            case OPEN -> new Next(Action.START, List.of(), plain);
            case RUNNING -> new Next(Action.PUBLISH, publicationBlockers(tx, events), new Summary(events.size(),
                    new NoticePeriod(now, contest.noticeDays()).endsAt(), 1, null, null, null));
            case PUBLISHED -> PublicationService.awaitsRepublication(tx, contest)
                    ? new Next(Action.REPUBLISH, publicationBlockers(tx, events), new Summary(events.size(), contest.noticeEndsAt(),
                    contest.resultsVersion() + 1, null, null, null))
                    : new Next(Action.FINALIZE, finalizeBlockers(tx, contest, now), plain);
            case FINAL -> advanceStep(actor, contest, plain);
        };
    }

    /** Every unlocked event; once all are locked, every event with criteria still incomplete. */
    private static List<Blocker> publicationBlockers(Stores tx, List<StoredEvent> events) {
        List<Blocker> unlocked = events.stream().filter(e -> !e.locked())
                .map(e -> new Blocker("EVENT_NOT_LOCKED", args("eventId", e.id(), "event", e.occupationName()), "is not locked"))
                .toList();
        if (!unlocked.isEmpty()) {
            return unlocked;
        }
        List<Blocker> incomplete = new ArrayList<>();
        for (StoredEvent event : events.stream().filter(e -> !e.recorded()).toList()) {
            int count = EventMarking.read(tx, event).incomplete().size();
            if (count > 0) {
                incomplete.add(new Blocker("EVENT_INCOMPLETE", args("eventId", event.id(), "event", event.occupationName(),
                        "count", count), count + " criteria are incomplete"));
            }
        }
        return incomplete;
    }

    private static List<Blocker> finalizeBlockers(Stores tx, StoredContest contest, Instant now) {
        if (!(FinalizationService.check(tx, contest, now) instanceof Transition.Blocked blocked)) {
            return List.of();
        }
        List<StoredAppeal> appeals = tx.appeals().ofContest(contest.id());
        List<Blocker> blockers = new ArrayList<>();
        for (Problem problem : blocked.problems()) {
            blockers.add(switch (problem.field()) {
                case "noticeEndsAt" -> new Blocker("NOTICE_RUNNING", args("until", contest.noticeEndsAt().toString()), problem.problem());
                case "appeals" -> new Blocker("APPEALS_OPEN", appealArgs(tx, appeals, a -> a.status() == AppealStatus.OPEN), problem.problem());
                default -> new Blocker("CORRECTIONS_UNPUBLISHED", appealArgs(tx, appeals, StoredAppeal::awaitsRepublication),
                        problem.problem());
            });
        }
        return blockers;
    }

    private static Map<String, Object> appealArgs(Stores tx, List<StoredAppeal> appeals, Predicate<StoredAppeal> which) {
        List<StoredAppeal> chosen = appeals.stream().filter(which).toList();
        String list = chosen.stream()
                .map(a -> tx.entries().find(a.entryId()).map(StoredEntry::bib).orElse("?") + " (#" + a.id() + ")")
                .collect(Collectors.joining(", "));
        return args("count", chosen.size(), "appeals", list);
    }

    private Next advanceStep(SignedInUser actor, StoredContest contest, Summary plain) {
        if (contest.feedsInto() == null || contest.advancedAt() != null) {
            return null;
        }
        try {
            var preview = advancement.preview(actor, contest.id());
            int advancing = (int) preview.advanced().stream().filter(a -> a.toEntryId() == 0).count();
            return new Next(Action.ADVANCE, List.of(), new Summary(plain.events(), contest.noticeEndsAt(), contest.resultsVersion(),
                    advancing, preview.target().name(), preview.target().id()));
        } catch (ApiException refused) {
            StoredContest target = db.stores().contests().find(contest.feedsInto()).orElseThrow();
            return new Next(Action.ADVANCE, List.of(new Blocker("TARGET_NOT_OPEN", args("contest", target.name(),
                    "status", target.status().name()), refused.getMessage())), plain);
        }
    }

    private static Map<String, Object> args(Object... keysAndValues) {
        Map<String, Object> args = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            args.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return args;
    }
}
