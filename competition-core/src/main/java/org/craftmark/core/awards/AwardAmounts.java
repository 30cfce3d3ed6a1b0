package org.craftmark.core.awards;

import org.craftmark.core.contest.Prize;

/**
 * What a policy pays for results of one tier, in whole yuan: per medal, to the entry (split among a
 * team), and {@code unit} once per entry to its training unit.
 */
public record AwardAmounts(long gold, long silver, long bronze, long unit) {
    public AwardAmounts {
        if (gold < 0 || silver < 0 || bronze < 0 || unit < 0) {
            throw new IllegalArgumentException("award amounts are not negative");
        }
    }

    /** The entry's amount for a prize; EXCELLENCE is not paid. */
    public long forPrize(Prize prize) {
        return switch (prize) {
            case GOLD -> gold;
            case SILVER -> silver;
            case BRONZE -> bronze;
            case EXCELLENCE -> 0;
        };
    }
}
