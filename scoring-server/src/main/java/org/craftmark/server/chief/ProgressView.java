package org.craftmark.server.chief;

import java.util.List;

/**
 * Marking progress of one event, for the chief judge's desk: per judge and criterion the marks in
 * and missing, per criterion the entries complete and not, the open WSS discrepancies, and the
 * current recheck (null when none was started).
 */
public record ProgressView(long eventId, boolean locked, List<JudgeProgress> judges, List<CriterionProgress> criteria,
                           List<OpenDiscrepancy> discrepancies, RecheckView recheck) {

    /** One judge of the panel; {@code criteria} are the ones assigned to them. */
    public record JudgeProgress(long userId, String username, String displayName, String role, List<JudgeCriterion> criteria) {
    }

    /**
     * @param in      current marks this judge has given for the criterion on the entries it may mark
     *                (ACTIVE, not in conflict with it)
     * @param missing those entries still without its mark
     */
    public record JudgeCriterion(String code, int in, int missing) {
    }

    /** Over the ACTIVE entries: how many have this criterion complete, and how many not (yet). */
    public record CriterionProgress(String code, int complete, int incomplete) {
    }

    /** A WSS criterion of an ACTIVE entry whose marks are more than 1 apart: its judges must re-mark. */
    public record OpenDiscrepancy(long entryId, String bib, String criterion) {
    }
}
