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
        return withinQuota(results, quota).stream().filter(result -> meets(result, minScore)).toList();
    }

    /** ACTIVE entries ranked at or above the quota, by rank then bib. */
    private static List<RankedResult> withinQuota(List<RankedResult> results, int quota) {
        return results.stream()
                .filter(result -> result.status() == EntryStatus.ACTIVE && result.rank() != null)
                .filter(result -> result.rank() <= quota)
                .sorted(BY_RANK_THEN_BIB)
                .toList();
    }

    private static boolean meets(RankedResult result, BigDecimal minScore) {
        return minScore == null || result.total() != null && result.total().compareTo(minScore) >= 0;
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
        private final Map<Long, Set<String>> takenBibs = new HashMap<>();
        private final List<AdvancingEntry> advancing = new ArrayList<>();
        private final List<Skipped> skipped = new ArrayList<>();

        Planner(RegionCode sourceRegion, List<TargetEvent> targets) {
            this.sourceRegion = sourceRegion;
            this.targets = targets;
            targets.forEach(target -> {
                entered.put(target.eventId(), new HashSet<>(target.entered()));
                takenBibs.put(target.eventId(), new HashSet<>(target.bibs()));
            });
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
            if (source.advanceQuota() == null) {
                skipped.add(new Skipped(source.eventId(), null, SkipReason.NO_QUOTA));
                return;
            }
            for (RankedResult result : withinQuota(source.results(), source.advanceQuota())) {
                if (!target.get().advancedFrom().contains(result.entryId())) {
                    consider(source, result, target.get());
                }
            }
        }

        private void consider(SourceEvent source, RankedResult result, TargetEvent target) {
            String bib = sourceRegion.value() + "-" + result.bib();
            Optional<SkipReason> skip = meets(result, source.advanceMinScore()) ? reasonToSkip(result, target, bib)
                    : Optional.of(SkipReason.BELOW_MIN_SCORE);
            if (skip.isPresent()) {
                skipped.add(new Skipped(source.eventId(), result.entryId(), skip.get()));
                return;
            }
            entered.get(target.eventId()).addAll(result.members());
            takenBibs.get(target.eventId()).add(bib);
            advancing.add(new AdvancingEntry(result.entryId(), result.rank(), target.eventId(), bib, result.homeRegion(),
                    result.members()));
        }

        private Optional<SkipReason> reasonToSkip(RankedResult result, TargetEvent target, String bib) {
            if (result.members().stream().anyMatch(entered.get(target.eventId())::contains)) {
                return Optional.of(SkipReason.ALREADY_ENTERED);
            }
            if (target.teamSize() != null && target.teamSize() != result.members().size()) {
                return Optional.of(SkipReason.TEAM_SIZE_DIFFERS);
            }
            if (takenBibs.get(target.eventId()).contains(bib)) {
                return Optional.of(SkipReason.BIB_TAKEN);
            }
            return Optional.empty();
        }
    }
}
