package org.craftmark.server.chief;

import java.util.List;

/**
 * Marking progress of one event, for the chief judge's desk: the marks expected and in over the
 * whole event, per judge and criterion what is still open, per criterion the entries complete and
 * not, the open WSS discrepancies, entries short of judges, and the current recheck (null when none).
 */
public record ProgressView(long eventId, boolean locked, Totals totals, List<JudgeProgress> judges,
                           List<CriterionProgress> criteria, List<OpenDiscrepancy> discrepancies,
                           List<ShortOfJudges> shortOfJudges, RecheckView recheck) {

    /**
     * Over the ACTIVE entries: {@code expected} = Σ entries × criteria × the criterion's required
     * judges; {@code in} counts the counting marks towards that, at most the required number per
     * entry and criterion (extra marks are used, but do not make another entry look done).
     */
    public record Totals(int expected, int in) {
        public int missing() {
            return expected - in;
        }

        /** Rounded down, so 100 means nothing is missing. */
        public int percent() {
            return expected == 0 ? 100 : (int) (100L * in / expected);
        }
    }

    /**
     * One judge of the panel; {@code criteria} are the ones assigned to them. A judge whose every
     * criterion has no entry to mark (a chief who only supervises, or conflicts with every entry) has
     * {@code nothingAssigned}.
     */
    public record JudgeProgress(long userId, String username, String displayName, String role, List<JudgeCriterion> criteria,
                                int conflicts) {
        public boolean nothingAssigned() {
            return criteria.stream().allMatch(c -> c.assigned() == 0);
        }
    }

    /**
     * @param assigned ACTIVE entries this judge may mark on the criterion (conflicts of interest left out)
     * @param in       of those, entries with this judge's current mark
     * @param missing  of those, entries without this judge's mark whose criterion is not complete yet:
     *                 the marks still awaited from this judge (0 once others completed them)
     */
    public record JudgeCriterion(String code, int assigned, int in, int missing) {
    }

    /** Over the ACTIVE entries: how many have this criterion complete, and how many not (yet). */
    public record CriterionProgress(String code, int complete, int incomplete) {
    }

    /** A WSS criterion of an ACTIVE entry whose marks are more than 1 apart: its judges must re-mark. */
    public record OpenDiscrepancy(long entryId, String bib, String criterion, List<JudgeMark> marks) {
    }

    /** One judge's counting mark in a discrepancy. */
    public record JudgeMark(long userId, String name, java.math.BigDecimal value) {
    }

    /** An entry and criterion whose seated judges free of conflict are fewer than the marks required. */
    public record ShortOfJudges(long entryId, String bib, String criterion, int eligible, int required) {
    }
}
