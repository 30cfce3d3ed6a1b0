package org.craftmark.core.ranking;

import java.util.List;
import java.util.Optional;

/**
 * An event's leaderboard: ranked (ACTIVE) entries by rank, shared ranks by bib; then DQ, then DNS
 * entries, each by bib. The same rows serve the live view (possibly incomplete totals) and the final one.
 */
public record Leaderboard(List<Standing> rows) {
    public Leaderboard {
        rows = List.copyOf(rows);
    }

    /** N of the prize rule: the number of ranked entries. */
    public int rankedCount() {
        return (int) rows.stream().filter(Standing::isRanked).count();
    }

    /** Lock and publish need every ranked (ACTIVE) entry complete. */
    public boolean everyRankedEntryComplete() {
        return rows.stream().filter(Standing::isRanked).allMatch(Standing::complete);
    }

    public Optional<Standing> standingOf(String bib) {
        return rows.stream().filter(row -> row.bib().equals(bib)).findFirst();
    }
}
