package org.craftmark.core.ranking;

import org.craftmark.core.common.Problem;
import org.craftmark.core.contest.EntryStatus;
import org.craftmark.core.contest.Prize;
import org.craftmark.core.ranking.RecordedRanking.Entrant;
import org.craftmark.core.ranking.RecordedRanking.Place;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordedRankingTest {
    private static final List<Entrant> ENTRANTS = List.of(
            new Entrant(1, "W01", EntryStatus.ACTIVE),
            new Entrant(2, "W02", EntryStatus.ACTIVE),
            new Entrant(3, "W03", EntryStatus.ACTIVE),
            new Entrant(4, "W04", EntryStatus.DNS),
            new Entrant(5, "W05", EntryStatus.ACTIVE),
            new Entrant(6, "W06", EntryStatus.DQ));

    @Test
    @DisplayName("valid places rank the event: prizes by rank among N, shared ranks listed by bib, DQ then DNS last")
    void placesRankTheEvent() {
        List<Place> places = List.of(new Place(5, 1, new BigDecimal("731")), new Place(3, 2, null),
                new Place(1, 2, null), new Place(2, 4, null));

        Leaderboard board = RecordedRanking.leaderboard(ENTRANTS, places);

        assertThat(board.rows()).extracting(Standing::bib, Standing::rank, Standing::prize).containsExactly(
                org.assertj.core.groups.Tuple.tuple("W05", 1, Prize.GOLD),
                org.assertj.core.groups.Tuple.tuple("W01", 2, Prize.SILVER),
                org.assertj.core.groups.Tuple.tuple("W03", 2, Prize.SILVER),
                org.assertj.core.groups.Tuple.tuple("W02", 4, null),
                org.assertj.core.groups.Tuple.tuple("W06", null, null),
                org.assertj.core.groups.Tuple.tuple("W04", null, null));
        assertThat(board.rows().getFirst().total()).isEqualByComparingTo("731");
        assertThat(board.everyRankedEntryComplete()).isTrue();
    }

    @Test
    @DisplayName("every problem is named: unknown, repeated, unranked status, out-of-range rank, missing ACTIVE entry")
    void everyProblemIsNamed() {
        List<Place> places = List.of(new Place(1, 1, null), new Place(1, 2, null), new Place(99, 3, null),
                new Place(4, 2, null), new Place(2, 0, null), new Place(3, 5, new BigDecimal("-1")));

        assertThat(RecordedRanking.problems(ENTRANTS, places)).containsExactly(
                new Problem("results[1].entryId", "entry W01 is ranked more than once"),
                new Problem("results[2].entryId", "99 is not an entry of this event"),
                new Problem("results[3].entryId", "entry W04 is DNS; only ACTIVE entries are ranked"),
                new Problem("results[4].rank", "must be between 1 and 4 (the ACTIVE entries)"),
                new Problem("results[5].rank", "must be between 1 and 4 (the ACTIVE entries)"),
                new Problem("results[5].total", "must be a number ≥ 0 with at most 2 decimals"),
                new Problem("results", "entry W05 has no rank"));
        assertThatThrownBy(() -> RecordedRanking.leaderboard(ENTRANTS, places)).isInstanceOf(IllegalArgumentException.class);
    }
}
