package org.craftmark.core.ranking;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import org.craftmark.core.contest.EntryStatus;
import org.craftmark.core.contest.Prize;
import org.craftmark.core.marking.EntryScore;

/**
 * One leaderboard row.
 *
 * @param rank  the entry's rank, shared by entries still tied after every tie-break; null unless ACTIVE
 * @param prize the prize that rank earns; null for none (and for entries without a rank)
 */
public record Standing(Integer rank, String bib, EntryStatus status, EntryScore score, Prize prize) {
    public Standing {
        Objects.requireNonNull(bib, "bib");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(score, "score");
    }

    public boolean isRanked() {
        return rank != null;
    }

    public BigDecimal total() {
        return score.total();
    }

    public boolean complete() {
        return score.complete();
    }

    public Map<String, BigDecimal> modules() {
        return score.modules();
    }
}
