package org.craftmark.core.contest;

import java.util.Optional;

/**
 * The prize rule of domain.md (Ranking): rank 1 GOLD, 2 SILVER, 3 BRONZE; EXCELLENCE for
 * 3 &lt; rank ≤ ⌊N/2⌋, where N is the number of ranked entries in the event; otherwise none.
 * Shared ranks share the prize because the rule looks only at the rank.
 *
 * <p>Shared by ranking (leaderboards) and awards (entitlements), so it lives with the vocabulary.
 */
public final class Prizes {
    private Prizes() {
    }

    /**
     * The prize for a rank among {@code rankedEntries} ranked entries; empty when the rank wins none.
     *
     * @throws IllegalArgumentException when the rank is not between 1 and {@code rankedEntries}: such
     *     a rank cannot come out of ranking, so it is a caller's mistake, not "no prize"
     */
    public static Optional<Prize> forRank(int rank, int rankedEntries) {
        if (rank < 1 || rank > rankedEntries) {
            throw new IllegalArgumentException(
                    "rank " + rank + " is not between 1 and the " + rankedEntries + " ranked entries");
        }
        return Optional.ofNullable(switch (rank) {
            case 1 -> Prize.GOLD;
            case 2 -> Prize.SILVER;
            case 3 -> Prize.BRONZE;
            default -> rank <= rankedEntries / 2 ? Prize.EXCELLENCE : null;
        });
    }
}
