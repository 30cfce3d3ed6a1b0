package org.craftmark.core.pipeline;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.craftmark.core.common.Problem;
import org.craftmark.core.contest.EntryStatus;
import org.craftmark.core.people.ResidentId;

/**
 * Advancement (晋级): after a contest is FINAL, the best entries of each event are entered in the
 * matching event of the contest it feeds into.
 */
public final class Advancement {
    private static final Comparator<RankedResult> BY_RANK_THEN_BIB =
            Comparator.comparing(RankedResult::rank).thenComparing(RankedResult::bib);

    private Advancement() {
    }

    /** Advancement either plans entries or is refused because a contest is in the wrong state. */
    public sealed interface Outcome {
        record Planned(AdvancementPlan plan) implements Outcome {
        }

        /** 409 {@code WRONG_STATE}. */
        record WrongState(Problem problem) implements Outcome {
        }
    }

    /**
     * The entries that advance from one event's results: ACTIVE, rank ≤ quota and, when a minimum is
     * set, total ≥ minimum. Entries sharing the boundary rank all advance, because the test is on the
     * rank, not on a count. Sorted by rank, then bib.
     *
     * @param minScore null for no minimum
     */
    public static List<RankedResult> select(List<RankedResult> results, int quota, BigDecimal minScore) {
        return results.stream()
                .filter(result -> result.status() == EntryStatus.ACTIVE && result.rank() != null)
                .filter(result -> result.rank() <= quota)
                .filter(result -> minScore == null || result.total().compareTo(minScore) >= 0)
                .sorted(BY_RANK_THEN_BIB)
                .toList();
    }

    /**
     * Plans advancement from a FINAL contest held in {@code sourceRegion} into a contest that is still
     * DRAFT or OPEN. Source events are taken in the order given.
     */
    public static Outcome plan(ContestStatus sourceStatus, RegionCode sourceRegion, List<SourceEvent> sourceEvents,
                               ContestStatus targetStatus, List<TargetEvent> targetEvents) {
        if (sourceStatus != ContestStatus.FINAL) {
            return wrongState("only a FINAL contest advances its winners; this one is " + sourceStatus);
        }
        if (!targetStatus.acceptsEntries()) {
            return wrongState("the fed contest must be DRAFT or OPEN to take entries; it is " + targetStatus);
        }
        return new Outcome.Planned(new Planner(sourceRegion, targetEvents).plan(sourceEvents));
    }

    private static Outcome wrongState(String why) {
        return new Outcome.WrongState(new Problem("status", why));
    }

    /** Keeps track of who is entered where while entries are planned, so nobody is entered twice. */
    private static final class Planner {
        private final RegionCode sourceRegion;
        private final List<TargetEvent> targets;
        private final Map<Long, Set<ResidentId>> entered = new HashMap<>();
        private final List<AdvancingEntry> advancing = new ArrayList<>();
        private final List<Skipped> skipped = new ArrayList<>();

        Planner(RegionCode sourceRegion, List<TargetEvent> targets) {
            this.sourceRegion = sourceRegion;
            this.targets = targets;
            targets.forEach(target -> entered.put(target.eventId(), new HashSet<>(target.entered())));
        }

        AdvancementPlan plan(List<SourceEvent> sourceEvents) {
            sourceEvents.forEach(this::advance);
            return new AdvancementPlan(advancing, skipped);
        }

        private void advance(SourceEvent source) {
            Optional<TargetEvent> target = targets.stream().filter(t -> t.key().equals(source.key())).findFirst();
            if (target.isEmpty()) {
                skipped.add(new Skipped(source.eventId(), null, SkipReason.NO_MATCHING_EVENT));
                return;
            }
            select(source.results(), source.advanceQuota(), source.advanceMinScore())
                    .forEach(result -> enter(source.eventId(), result, target.get().eventId()));
        }

        private void enter(long sourceEventId, RankedResult result, long targetEventId) {
            Set<ResidentId> alreadyIn = entered.get(targetEventId);
            if (result.members().stream().anyMatch(alreadyIn::contains)) {
                skipped.add(new Skipped(sourceEventId, result.entryId(), SkipReason.ALREADY_ENTERED));
                return;
            }
            alreadyIn.addAll(result.members());
            advancing.add(new AdvancingEntry(result.entryId(), result.rank(), targetEventId,
                    sourceRegion.value() + "-" + result.bib(), result.homeRegion(), result.members()));
        }
    }
}
