package org.craftmark.core.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;
import static org.craftmark.core.marking.CriterionBuilder.mean;
import static org.craftmark.core.marking.Schemes.scheme;
import static org.craftmark.core.ranking.EntryBuilder.entry;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.craftmark.core.contest.EntryStatus;
import org.craftmark.core.contest.Prize;
import org.craftmark.core.marking.EntryScore;
import org.craftmark.core.marking.Kind;
import org.craftmark.core.marking.TieBreak;
import org.craftmark.core.marking.TieBreak.KindTieBreak;
import org.craftmark.core.marking.TieBreak.ModuleTieBreak;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Ranking")
class RankingTest {

    private static final List<TieBreak> NO_TIE_BREAK = List.of();

    private static Leaderboard rank(List<TieBreak> tieBreaks, EntryBuilder... entries) {
        return Ranking.rank(tieBreaks, Arrays.stream(entries).map(EntryBuilder::build).toList());
    }

    private static List<String> bibs(Leaderboard board) {
        return board.rows().stream().map(Standing::bib).toList();
    }

    private static List<Integer> ranks(Leaderboard board) {
        return board.rows().stream().map(Standing::rank).toList();
    }

    @Test
    void orders_by_total_higher_first() {
        Leaderboard board = rank(NO_TIE_BREAK, entry("B01").total("10"), entry("B02").total("30.5"),
                entry("B03").total("20"));

        assertThat(bibs(board)).containsExactly("B02", "B03", "B01");
        assertThat(ranks(board)).containsExactly(1, 2, 3);
    }

    @Test
    void lets_entries_still_tied_share_a_rank_and_skips_the_next() {
        Leaderboard board = rank(NO_TIE_BREAK, entry("B04").total("9"), entry("B03").total("20"),
                entry("B02").total("20"), entry("B01").total("30"));

        assertThat(board.rows()).extracting(Standing::bib, Standing::rank)
                .containsExactly(tuple("B01", 1), tuple("B02", 2), tuple("B03", 2), tuple("B04", 4));
    }

    @Test
    void ranks_everyone_first_when_all_are_tied() {
        Leaderboard board = rank(List.of(TieBreak.TIME), entry("B03").total("5"), entry("B01").total("5"),
                entry("B02").total("5"));

        assertThat(bibs(board)).as("shared ranks listed by bib").containsExactly("B01", "B02", "B03");
        assertThat(board.rows()).extracting(Standing::rank, Standing::prize)
                .containsOnly(tuple(1, Prize.GOLD));
    }

    @Test
    void compares_totals_as_numbers_whatever_their_scale() {
        Leaderboard board = rank(NO_TIE_BREAK, entry("B01").total("20.5"), entry("B02").total("20.50"));

        assertThat(ranks(board)).containsExactly(1, 1);
    }

    @Nested
    @DisplayName("tie-breaks")
    class TieBreaks {
        @Test
        void module_prefers_the_higher_module_sum() {
            Leaderboard board = rank(List.of(new ModuleTieBreak("A")),
                    entry("B01").total("20").module("A", "8"),
                    entry("B02").total("20").module("A", "12"));

            assertThat(bibs(board)).containsExactly("B02", "B01");
            assertThat(ranks(board)).containsExactly(1, 2);
        }

        @Test
        void kind_prefers_the_higher_sum_of_that_kind() {
            Leaderboard board = rank(List.of(new KindTieBreak(Kind.MEASUREMENT)),
                    entry("B01").total("20").kind(Kind.MEASUREMENT, "5"),
                    entry("B02").total("20").kind(Kind.MEASUREMENT, "7"));

            assertThat(bibs(board)).containsExactly("B02", "B01");
        }

        @Test
        void kind_without_criteria_counts_zero_and_leaves_the_tie() {
            Leaderboard board = rank(List.of(new KindTieBreak(Kind.MEASUREMENT)),
                    entry("B02").total("20").kind(Kind.JUDGEMENT, "20"),
                    entry("B01").total("20").kind(Kind.JUDGEMENT, "20"));

            assertThat(ranks(board)).containsExactly(1, 1);
        }

        @Test
        void time_prefers_the_lower_time() {
            Leaderboard board = rank(List.of(TieBreak.TIME),
                    entry("B01").total("20").seconds(5400),
                    entry("B02").total("20").seconds(3600));

            assertThat(bibs(board)).containsExactly("B02", "B01");
            assertThat(ranks(board)).containsExactly(1, 2);
        }

        @Test
        void time_ranks_an_entry_without_a_time_after_any_time() {
            Leaderboard board = rank(List.of(TieBreak.TIME),
                    entry("B01").total("20"),
                    entry("B02").total("20").seconds(99_999),
                    entry("B03").total("20"));

            assertThat(board.rows()).extracting(Standing::bib, Standing::rank)
                    .containsExactly(tuple("B02", 1), tuple("B01", 2), tuple("B03", 2));
        }

        @Test
        void apply_in_order_the_first_that_differs_decides() {
            List<TieBreak> moduleThenTime = List.of(new ModuleTieBreak("A"), TieBreak.TIME);

            Leaderboard board = rank(moduleThenTime,
                    entry("B01").total("20").module("A", "10").seconds(100),
                    entry("B02").total("20").module("A", "11").seconds(200),
                    entry("B03").total("20").module("A", "10").seconds(50));

            assertThat(bibs(board)).containsExactly("B02", "B03", "B01");
            assertThat(ranks(board)).containsExactly(1, 2, 3);
        }

        @Test
        void never_outweigh_the_total() {
            Leaderboard board = rank(List.of(TieBreak.TIME),
                    entry("B01").total("20.01").seconds(9000),
                    entry("B02").total("20").seconds(1));

            assertThat(bibs(board)).containsExactly("B01", "B02");
        }
    }

    @Nested
    @DisplayName("entries that are not ACTIVE")
    class Unranked {
        private final Leaderboard board = rank(NO_TIE_BREAK,
                entry("B05").total("99").status(EntryStatus.DNS),
                entry("B04").total("1"),
                entry("B03").total("50").status(EntryStatus.DQ),
                entry("B02").total("0").status(EntryStatus.DNS),
                entry("B01").total("98").status(EntryStatus.DQ));

        @Test
        void follow_the_ranked_entries_dq_first_then_dns_each_by_bib() {
            assertThat(bibs(board)).containsExactly("B04", "B01", "B03", "B02", "B05");
        }

        @Test
        void have_no_rank_and_no_prize() {
            assertThat(board.rows().subList(1, 5)).allSatisfy(row -> {
                assertThat(row.rank()).isNull();
                assertThat(row.isRanked()).isFalse();
                assertThat(row.prize()).isNull();
            });
        }

        @Test
        void do_not_count_towards_n() {
            assertThat(board.rankedCount()).isEqualTo(1);
        }
    }

    @Nested
    @DisplayName("prizes")
    class PrizeRule {
        /** Entries B01…Bn with totals n…1, so that entry i has rank i. */
        private static EntryBuilder[] distinctTotals(int n) {
            return IntStream.rangeClosed(1, n)
                    .mapToObj(i -> entry("B%02d".formatted(i)).total(String.valueOf(n + 1 - i)))
                    .toArray(EntryBuilder[]::new);
        }

        private static List<Prize> prizes(Leaderboard board) {
            return board.rows().stream().map(Standing::prize).toList();
        }

        @Test
        void go_gold_silver_bronze_then_excellence_up_to_half_of_n_with_n_even() {
            assertThat(prizes(rank(NO_TIE_BREAK, distinctTotals(10)))).containsExactly(
                    Prize.GOLD, Prize.SILVER, Prize.BRONZE, Prize.EXCELLENCE, Prize.EXCELLENCE,
                    null, null, null, null, null);
        }

        @Test
        void stop_excellence_at_the_floor_of_half_of_n_with_n_odd() {
            assertThat(prizes(rank(NO_TIE_BREAK, distinctTotals(9)))).containsExactly(
                    Prize.GOLD, Prize.SILVER, Prize.BRONZE, Prize.EXCELLENCE,
                    null, null, null, null, null);
        }

        @Test
        void give_no_excellence_to_small_events() {
            assertThat(prizes(rank(NO_TIE_BREAK, distinctTotals(7))))
                    .containsExactly(Prize.GOLD, Prize.SILVER, Prize.BRONZE, null, null, null, null);
        }

        @Test
        void are_shared_by_a_shared_rank_and_the_skipped_rank_goes_without() {
            Leaderboard board = rank(NO_TIE_BREAK, entry("B01").total("9"), entry("B02").total("9"),
                    entry("B03").total("8"), entry("B04").total("7"));

            assertThat(board.rows()).extracting(Standing::rank, Standing::prize).containsExactly(
                    tuple(1, Prize.GOLD), tuple(1, Prize.GOLD), tuple(3, Prize.BRONZE), tuple(4, null));
        }

        @Test
        void give_excellence_to_everyone_sharing_the_last_excellence_rank() {
            // N = 8: ⌊8/2⌋ = 4, so the three entries sharing rank 4 all get EXCELLENCE
            Leaderboard board = rank(NO_TIE_BREAK, entry("B01").total("9"), entry("B02").total("8"),
                    entry("B03").total("7"), entry("B04").total("6"), entry("B05").total("6"),
                    entry("B06").total("6"), entry("B07").total("5"), entry("B08").total("4"));

            assertThat(board.rows()).extracting(Standing::rank, Standing::prize).containsExactly(
                    tuple(1, Prize.GOLD), tuple(2, Prize.SILVER), tuple(3, Prize.BRONZE),
                    tuple(4, Prize.EXCELLENCE), tuple(4, Prize.EXCELLENCE), tuple(4, Prize.EXCELLENCE),
                    tuple(7, null), tuple(8, null));
        }
    }

    @Test
    void tells_whether_every_ranked_entry_is_complete() {
        ScoredEntry complete = entry("B01").total("5").build();
        ScoredEntry incompleteDq = new ScoredEntry("B09", EntryStatus.DQ, null, unmarked());
        ScoredEntry incompleteActive = new ScoredEntry("B02", EntryStatus.ACTIVE, null, unmarked());

        assertThat(Ranking.rank(NO_TIE_BREAK, List.of(complete, incompleteDq)).everyRankedEntryComplete())
                .as("a DQ entry does not hold up the lock").isTrue();
        assertThat(Ranking.rank(NO_TIE_BREAK, List.of(complete, incompleteActive)).everyRankedEntryComplete())
                .isFalse();
    }

    private static EntryScore unmarked() {
        return scheme(mean("A1", 3)).score(Map.of());
    }

    @Test
    void rejects_a_bib_given_twice() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> rank(NO_TIE_BREAK, entry("B01"), entry("B01")))
                .withMessageContaining("B01");
    }
}
