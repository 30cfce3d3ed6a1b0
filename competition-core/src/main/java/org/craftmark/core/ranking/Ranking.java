package org.craftmark.core.ranking;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.craftmark.core.contest.EntryStatus;
import org.craftmark.core.contest.Prize;
import org.craftmark.core.contest.Prizes;
import org.craftmark.core.marking.TieBreak;

/**
 * Ranks an event's entries. Pure and cheap (one sort), so a live leaderboard can rescore the one entry
 * that changed and rank again.
 */
public final class Ranking {
    /** Unranked entries follow the ranked ones: disqualified first, then those who did not start. */
    static final List<EntryStatus> UNRANKED_ORDER = List.of(EntryStatus.DQ, EntryStatus.DNS);

    private Ranking() {
    }

    /**
     * Only ACTIVE entries are ranked: by total, higher first, then by the tie-breaks in order; entries
     * still tied share a rank and the next rank skips (1, 2, 2, 4). DQ and then DNS entries follow,
     * unranked.
     *
     * @throws IllegalArgumentException when two entries have the same bib
     */
    public static Leaderboard rank(List<TieBreak> tieBreaks, Collection<ScoredEntry> entries) {
        requireDistinctBibs(entries);
        Comparator<ScoredEntry> performance = Performance.order(tieBreaks);
        List<ScoredEntry> active = entries.stream()
                .filter(ScoredEntry::isActive)
                .sorted(performance.thenComparing(ScoredEntry::bib))
                .toList();
        List<Standing> rows = new ArrayList<>(entries.size());
        for (int i = 0; i < active.size(); i++) {
            ScoredEntry entry = active.get(i);
            boolean tiedWithPrevious = i > 0 && performance.compare(active.get(i - 1), entry) == 0;
            int rank = tiedWithPrevious ? rows.get(i - 1).rank() : i + 1;
            Prize prize = Prizes.forRank(rank, active.size()).orElse(null);
            rows.add(new Standing(rank, entry.bib(), entry.status(), entry.score(), prize));
        }
        for (EntryStatus status : UNRANKED_ORDER) {
            rows.addAll(unranked(entries, status));
        }
        return new Leaderboard(rows);
    }

    static List<Standing> unranked(Collection<ScoredEntry> entries, EntryStatus status) {
        return entries.stream()
                .filter(entry -> entry.status() == status)
                .sorted(Comparator.comparing(ScoredEntry::bib))
                .map(entry -> new Standing(null, entry.bib(), status, entry.score(), null))
                .toList();
    }

    private static void requireDistinctBibs(Collection<ScoredEntry> entries) {
        Set<String> seen = new HashSet<>();
        for (ScoredEntry entry : entries) {
            if (!seen.add(entry.bib())) {
                throw new IllegalArgumentException("bib " + entry.bib() + " appears twice");
            }
        }
    }
}
