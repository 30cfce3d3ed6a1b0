package org.craftmark.core.ranking;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.craftmark.core.common.Problem;
import org.craftmark.core.contest.EntryStatus;
import org.craftmark.core.contest.Prizes;
import org.craftmark.core.marking.EntryScore;

/**
 * Results of a contest run elsewhere (WORLD, or a national final on another system), recorded as
 * ranks so that entitlements and winner lists are whole. They stand in for marking: every ACTIVE entry
 * gets exactly one rank, between 1 and N (the number of ACTIVE entries); prizes follow from the ranks
 * by the usual rule; DQ and DNS entries stay unranked.
 */
public final class RecordedRanking {
    private RecordedRanking() {
    }

    /** An entry of the event, as recorded results see it. */
    public record Entrant(long entryId, String bib, EntryStatus status) {
        public Entrant {
            Objects.requireNonNull(bib, "bib");
            Objects.requireNonNull(status, "status");
        }
    }

    /**
     * One recorded place.
     *
     * @param total the total the other system reported, or null when it reported none
     */
    public record Place(long entryId, int rank, BigDecimal total) {
    }

    /**
     * Every problem with the places, each naming {@code results[i].…} (counted from 0), then one per
     * ACTIVE entry left without a rank; empty when the places rank the event.
     */
    public static List<Problem> problems(List<Entrant> entrants, List<Place> places) {
        Map<Long, Entrant> byId = new HashMap<>();
        entrants.forEach(e -> byId.put(e.entryId(), e));
        int ranked = (int) entrants.stream().filter(e -> e.status() == EntryStatus.ACTIVE).count();
        List<Problem> problems = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < places.size(); i++) {
            Place place = places.get(i);
            String at = "results[" + i + "].";
            Entrant entrant = byId.get(place.entryId());
            if (entrant == null) {
                problems.add(new Problem(at + "entryId", place.entryId() + " is not an entry of this event"));
            } else if (!seen.add(place.entryId())) {
                problems.add(new Problem(at + "entryId", "entry " + entrant.bib() + " is ranked more than once"));
            } else if (entrant.status() != EntryStatus.ACTIVE) {
                problems.add(new Problem(at + "entryId", "entry " + entrant.bib() + " is " + entrant.status()
                        + "; only ACTIVE entries are ranked"));
            }
            if (place.rank() < 1 || place.rank() > ranked) {
                problems.add(new Problem(at + "rank", "must be between 1 and " + ranked + " (the ACTIVE entries)"));
            }
            if (place.total() != null && (place.total().signum() < 0 || place.total().scale() > 2)) {
                problems.add(new Problem(at + "total", "must be a number ≥ 0 with at most 2 decimals"));
            }
        }
        entrants.stream()
                .filter(e -> e.status() == EntryStatus.ACTIVE && !seen.contains(e.entryId()))
                .sorted(Comparator.comparing(Entrant::bib))
                .forEach(e -> problems.add(new Problem("results", "entry " + e.bib() + " has no rank")));
        return problems;
    }

    /**
     * The event's leaderboard from valid places: ranked entries by rank then bib, then DQ and DNS
     * entries by bib, unranked.
     *
     * @throws IllegalArgumentException when {@link #problems} would name a problem
     */
    public static Leaderboard leaderboard(List<Entrant> entrants, List<Place> places) {
        if (!problems(entrants, places).isEmpty()) {
            throw new IllegalArgumentException("recorded results must rank every ACTIVE entry once: " + problems(entrants, places));
        }
        Map<Long, Entrant> byId = new HashMap<>();
        entrants.forEach(e -> byId.put(e.entryId(), e));
        List<Standing> rows = new ArrayList<>();
        places.stream()
                .sorted(Comparator.comparingInt(Place::rank).thenComparing(p -> byId.get(p.entryId()).bib()))
                .forEach(p -> rows.add(new Standing(p.rank(), byId.get(p.entryId()).bib(), EntryStatus.ACTIVE,
                        recordedScore(p.total()), Prizes.forRank(p.rank(), places.size()).orElse(null))));
        List<ScoredEntry> unranked = entrants.stream().filter(e -> e.status() != EntryStatus.ACTIVE)
                .map(e -> new ScoredEntry(e.bib(), e.status(), null, recordedScore(null))).toList();
        for (EntryStatus status : Ranking.UNRANKED_ORDER) {
            rows.addAll(Ranking.unranked(unranked, status));
        }
        return new Leaderboard(rows);
    }

    /** A recorded result is complete by definition; it has a total only when one was reported. */
    private static EntryScore recordedScore(BigDecimal total) {
        return new EntryScore(total == null ? BigDecimal.ZERO.setScale(2) : total.setScale(2), Map.of(), Map.of(), Map.of());
    }
}
