package org.craftmark.core.recheck;

import org.craftmark.core.contest.EntryStatus;
import org.craftmark.core.marking.EntryScore;
import org.craftmark.core.ranking.Leaderboard;
import org.craftmark.core.ranking.Standing;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.craftmark.core.recheck.RecheckOutcome.CONFIRMED;
import static org.craftmark.core.recheck.RecheckOutcome.CORRECTED;
import static org.craftmark.core.recheck.RecheckReason.SAMPLE;
import static org.craftmark.core.recheck.RecheckReason.TOP_10;

@DisplayName("Recheck (复核) selection and threshold")
class RecheckPolicyTest {
    private static final RecheckPolicy POLICY = RecheckPolicy.STANDARD;
    /** Pinned so that a change to the drawing (and so to past rechecks' reproducibility) shows. */
    private static final String[] PINNED_SAMPLE_OF_30_WITH_SEED_42 = {"B11", "B13", "B21"};
    private static final EntryScore ANY_SCORE = new EntryScore(BigDecimal.ZERO, Map.of(), Map.of(), Map.of());

    /** Ranked entries B01 (rank 1) … B{n} (rank n). */
    private static Leaderboard ranked(int n) {
        List<Standing> rows = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            rows.add(new Standing(i, bib(i), EntryStatus.ACTIVE, ANY_SCORE, null));
        }
        return new Leaderboard(rows);
    }

    private static String bib(int i) {
        return String.format(Locale.ROOT, "B%02d", i);
    }

    private static List<String> bibs(List<RecheckPick> picks, RecheckReason why) {
        return picks.stream().filter(p -> p.why() == why).map(RecheckPick::bib).toList();
    }

    @Test
    void picks_the_top_ten_in_rank_order_and_a_rounded_up_fifteen_percent_of_the_rest() {
        List<RecheckPick> picks = POLICY.select(ranked(25), 7L);

        assertThat(bibs(picks, TOP_10)).containsExactly("B01", "B02", "B03", "B04", "B05", "B06", "B07", "B08", "B09", "B10");
        // 15 others: 15 % is 2.25, so 3.
        assertThat(bibs(picks, SAMPLE)).hasSize(3).isSorted().allSatisfy(bib -> assertThat(bib.compareTo("B10")).isPositive());
        assertThat(picks.subList(0, 10)).extracting(RecheckPick::why).containsOnly(TOP_10);
    }

    @Test
    void the_same_seed_draws_the_same_sample_and_other_seeds_draw_others() {
        Leaderboard board = ranked(60);

        assertThat(POLICY.select(board, 20261121L)).isEqualTo(POLICY.select(board, 20261121L));
        Set<List<String>> samples = new HashSet<>();
        for (long seed = 0; seed < 10; seed++) {
            samples.add(bibs(POLICY.select(board, seed), SAMPLE));
        }
        assertThat(samples).hasSizeGreaterThan(1);
    }

    @Test
    void a_published_seed_draws_a_pinned_sample() {
        assertThat(bibs(POLICY.select(ranked(30), 42L), SAMPLE)).containsExactly(PINNED_SAMPLE_OF_30_WITH_SEED_42);
    }

    @Test
    void the_sample_does_not_depend_on_the_order_of_the_others_on_the_board() {
        List<Standing> rows = new ArrayList<>(ranked(10).rows());
        // Ranks 11–30 with bibs in reverse: the draw orders candidates by bib first.
        for (int i = 30; i >= 11; i--) {
            rows.add(new Standing(41 - i, bib(i), EntryStatus.ACTIVE, ANY_SCORE, null));
        }
        assertThat(bibs(POLICY.select(new Leaderboard(rows), 42L), SAMPLE)).containsExactly(PINNED_SAMPLE_OF_30_WITH_SEED_42);
    }

    @Test
    void entries_sharing_rank_ten_are_all_in_the_top() {
        List<Standing> rows = new ArrayList<>(ranked(9).rows());
        rows.add(new Standing(10, "B10", EntryStatus.ACTIVE, ANY_SCORE, null));
        rows.add(new Standing(10, "B11", EntryStatus.ACTIVE, ANY_SCORE, null));
        rows.add(new Standing(12, "B12", EntryStatus.ACTIVE, ANY_SCORE, null));

        List<RecheckPick> picks = POLICY.select(new Leaderboard(rows), 1L);

        assertThat(bibs(picks, TOP_10)).hasSize(11).contains("B10", "B11");
        assertThat(bibs(picks, SAMPLE)).containsExactly("B12");
    }

    @Test
    void dns_and_dq_entries_are_never_picked() {
        List<Standing> rows = new ArrayList<>(ranked(12).rows());
        rows.add(new Standing(null, "X01", EntryStatus.DQ, ANY_SCORE, null));
        rows.add(new Standing(null, "X02", EntryStatus.DNS, ANY_SCORE, null));

        for (long seed = 0; seed < 20; seed++) {
            assertThat(POLICY.select(new Leaderboard(rows), seed)).extracting(RecheckPick::bib).doesNotContain("X01", "X02").hasSize(11);
        }
    }

    @Test
    void a_small_event_is_rechecked_whole_with_no_sample() {
        assertThat(POLICY.select(ranked(6), 3L)).extracting(RecheckPick::why).hasSize(6).containsOnly(TOP_10);
        assertThat(POLICY.select(new Leaderboard(List.of()), 3L)).isEmpty();
    }

    @ParameterizedTest(name = "{0} others → sample of {1}")
    @CsvSource({"0,0", "1,1", "6,1", "7,2", "20,3", "21,4", "100,15", "101,16"})
    void the_sample_is_fifteen_percent_rounded_up(int others, int size) {
        assertThat(POLICY.sampleSize(others)).isEqualTo(size);
    }

    @ParameterizedTest(name = "{1} of {0} sampled corrected → full recheck {2}")
    @CsvSource({"20,1,false", "20,2,true", "40,2,false", "3,0,false", "3,1,true", "0,0,false", "100,5,false", "100,6,true"})
    void a_full_recheck_is_required_above_five_percent_of_the_sample_corrected(int sample, int corrected, boolean full) {
        assertThat(POLICY.fullRecheckRequired(sample, corrected)).isEqualTo(full);
    }

    @Test
    void the_tally_counts_outcomes_and_only_the_samples_corrections() {
        List<RecheckItem> items = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            items.add(new RecheckItem(TOP_10, CORRECTED));
        }
        for (int i = 0; i < 19; i++) {
            items.add(new RecheckItem(SAMPLE, i == 0 ? CORRECTED : CONFIRMED));
        }
        items.add(new RecheckItem(SAMPLE, null));

        RecheckTally tally = POLICY.tally(items);

        assertThat(tally).isEqualTo(new RecheckTally(30, 29, 20, 1, false));
        assertThat(tally.finished()).isFalse();

        items.set(29, new RecheckItem(SAMPLE, CORRECTED));
        RecheckTally after = POLICY.tally(items);
        assertThat(after.finished()).isTrue();
        assertThat(after.fullRecheckRequired()).as("2 of 20 sampled is 10 %%").isTrue();
    }

    @Test
    void an_empty_recheck_is_finished_at_once() {
        assertThat(POLICY.tally(List.of()).finished()).isTrue();
    }

    @Test
    void percentages_outside_zero_to_a_hundred_are_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RecheckPolicy(10, 101, 5));
        assertThatIllegalArgumentException().isThrownBy(() -> new RecheckPolicy(-1, 15, 5));
    }
}
