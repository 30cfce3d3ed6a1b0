package org.craftmark.core.recheck;

import org.craftmark.core.ranking.Leaderboard;
import org.craftmark.core.ranking.Standing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The recheck (复核) rule: the chief judge re-examines every ranked entry in the top ranks and a
 * random sample of the others; when too many of the sample turn out wrong, the whole event must be
 * rechecked. The numbers are data: {@link #STANDARD} is the top 10, a sample of at least 15 % of the
 * rest (rounded up), and a full recheck above 5 % of the sample corrected.
 *
 * <p>The sample is reproducible from the seed alone: the candidates are put in bib order and the
 * first {@code k} places of a Fisher–Yates shuffle driven by {@link Random} (whose algorithm the JDK
 * specifies) are taken. Anyone holding the seed and the leaderboard can draw it again.
 *
 * @param topRanks           entries ranked 1…topRanks are all rechecked (shared ranks at the edge too)
 * @param samplePercent      the share of the other ranked entries drawn at random, rounded up
 * @param fullRecheckPercent a full recheck is required when strictly more than this share of the
 *                           sample is corrected; the top ranks do not count (they are not a random sample)
 */
public record RecheckPolicy(int topRanks, int samplePercent, int fullRecheckPercent) {

    /** Top 10, ≥ 15 % sample, full recheck above 5 % of the sample corrected. */
    public static final RecheckPolicy STANDARD = new RecheckPolicy(10, 15, 5);

    public RecheckPolicy {
        if (topRanks < 0 || samplePercent < 0 || samplePercent > 100 || fullRecheckPercent < 0 || fullRecheckPercent > 100) {
            throw new IllegalArgumentException("ranks and percentages must be 0–100");
        }
    }

    /**
     * Picks the entries to recheck from a leaderboard: every ranked (ACTIVE) entry with rank ≤
     * {@code topRanks}, in leaderboard order, then the sample of the other ranked entries, in bib
     * order. Unranked (DNS, DQ) entries are never picked.
     */
    public List<RecheckPick> select(Leaderboard board, long seed) {
        List<RecheckPick> picks = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (Standing row : board.rows()) {
            if (!row.isRanked()) {
                continue;
            }
            if (row.rank() <= topRanks) {
                picks.add(new RecheckPick(row.bib(), RecheckReason.TOP_10));
            } else {
                others.add(row.bib());
            }
        }
        draw(others, sampleSize(others.size()), seed).forEach(bib -> picks.add(new RecheckPick(bib, RecheckReason.SAMPLE)));
        return List.copyOf(picks);
    }

    /** ⌈samplePercent % of {@code others}⌉, in whole numbers (no binary fractions). */
    public int sampleSize(int others) {
        if (others < 0) {
            throw new IllegalArgumentException("others must not be negative");
        }
        return (others * samplePercent + 99) / 100;
    }

    /** Strictly more than {@code fullRecheckPercent} % of the sample corrected; never for an empty sample. */
    public boolean fullRecheckRequired(int sample, int sampleCorrected) {
        return sample > 0 && (long) sampleCorrected * 100 > (long) fullRecheckPercent * sample;
    }

    /** Counts the items, the outcomes recorded so far and the sample's corrections. */
    public RecheckTally tally(Collection<RecheckItem> items) {
        int recorded = 0;
        int sample = 0;
        int sampleCorrected = 0;
        for (RecheckItem item : items) {
            recorded += item.recorded() ? 1 : 0;
            if (item.why() == RecheckReason.SAMPLE) {
                sample++;
                sampleCorrected += item.outcome() == RecheckOutcome.CORRECTED ? 1 : 0;
            }
        }
        return new RecheckTally(items.size(), recorded, sample, sampleCorrected, fullRecheckRequired(sample, sampleCorrected));
    }

    private static List<String> draw(List<String> candidates, int size, long seed) {
        List<String> pool = new ArrayList<>(candidates);
        pool.sort(Comparator.naturalOrder());
        Random random = new Random(seed);
        for (int i = 0; i < size; i++) {
            int j = i + random.nextInt(pool.size() - i);
            String picked = pool.get(j);
            pool.set(j, pool.get(i));
            pool.set(i, picked);
        }
        List<String> drawn = new ArrayList<>(pool.subList(0, size));
        drawn.sort(Comparator.naturalOrder());
        return drawn;
    }
}
