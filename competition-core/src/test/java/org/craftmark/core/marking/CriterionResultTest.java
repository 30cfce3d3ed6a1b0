package org.craftmark.core.marking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.craftmark.core.marking.CriterionBuilder.mean;
import static org.craftmark.core.marking.CriterionBuilder.median;
import static org.craftmark.core.marking.CriterionBuilder.single;
import static org.craftmark.core.marking.CriterionBuilder.trimmedMean;
import static org.craftmark.core.marking.CriterionBuilder.wss;
import static org.craftmark.core.marking.Marks.dec;
import static org.craftmark.core.marking.Marks.marks;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("A criterion mark")
class CriterionResultTest {

    private static CriterionResult score(CriterionBuilder criterion, List<BigDecimal> marks) {
        return CriterionResult.of(criterion.build(), marks);
    }

    private static void assertMark(CriterionResult result, String mark, boolean complete) {
        assertThat(result.mark()).isEqualByComparingTo(mark);
        assertThat(result.mark().scale()).as("criterion marks carry 2 decimals").isEqualTo(2);
        assertThat(result.complete()).as("complete").isEqualTo(complete);
    }

    @Nested
    @DisplayName("with any method")
    class AnyMethod {
        @Test
        void counts_zero_and_is_incomplete_without_marks() {
            CriterionResult result = score(mean("A1", 3), List.of());

            assertMark(result, "0", false);
            assertThat(result.discrepancy()).isFalse();
        }

        @Test
        void is_incomplete_until_judges_marks_are_in() {
            assertMark(score(mean("A1", 3), marks("4", "5")), "4.50", false);
        }

        @Test
        void is_rounded_once_half_up_to_two_decimals() {
            assertMark(score(mean("A1", 2), marks("0.01", "0.02")), "0.02", true);
            assertMark(score(mean("A1", 3), marks("1", "2", "2")), "1.67", true);
        }

        @Test
        void does_not_depend_on_the_order_marks_arrive_in() {
            assertThat(score(median("A1", 3), marks("9", "1", "5")))
                    .isEqualTo(score(median("A1", 3), marks("1", "5", "9")));
        }
    }

    @Nested
    @DisplayName("SINGLE")
    class Single {
        @Test
        void is_the_value() {
            assertMark(score(single("A1").maxMark("30"), marks("17.25")), "17.25", true);
        }

        @Test
        void uses_the_mean_of_all_marks_when_more_than_one_exists() {
            assertMark(score(single("A1"), marks("6", "7")), "6.50", true);
        }
    }

    @Nested
    @DisplayName("MEAN")
    class Mean {
        @Test
        void is_the_arithmetic_mean() {
            assertMark(score(mean("A1", 3), marks("9.75", "9.21", "0.25")), "6.40", true);
        }

        @Test
        void uses_every_mark_when_more_than_judges_exist() {
            assertMark(score(mean("A1", 2), marks("2", "4", "9")), "5.00", true);
        }
    }

    @Nested
    @DisplayName("TRIMMED_MEAN")
    class TrimmedMean {
        @Test
        void drops_the_highest_and_lowest_mark_with_trim_1() {
            assertMark(score(trimmedMean("A1", 5, 1), marks("1", "2.5", "4.5", "11", "8.75")), "5.25", true);
        }

        @Test
        void drops_two_at_each_end_with_trim_2() {
            List<BigDecimal> seven = marks("0", "0.6", "3", "3", "4", "5", "0.23");
            // sorted 0, 0.23, | 0.6, 3, 3 | 4, 5 → mean of 0.6, 3, 3
            assertMark(score(trimmedMean("A1", 7, 2), seven), "2.20", true);
        }

        @Test
        void trims_all_marks_when_more_than_judges_exist() {
            // sorted 1, | 2, 6, | 10 → mean of 2 and 6
            assertMark(score(trimmedMean("A1", 3, 1), marks("6", "1", "10", "2")), "4.00", true);
        }

        @Test
        void shows_the_plain_mean_while_fewer_than_2_trim_plus_1_marks_are_in() {
            assertMark(score(trimmedMean("A1", 7, 2), marks("5", "8.5", "0.5")), "4.67", false);
            assertMark(score(trimmedMean("A1", 7, 2), marks("5", "8.5", "0.5", "1")), "3.75", false);
        }

        @Test
        void is_trimmed_live_once_2_trim_plus_1_marks_are_in() {
            // 6 of 7 marks: sorted 1.5, 6, | 6, 6 | 7, 7
            assertMark(score(trimmedMean("A1", 7, 2), marks("6", "7", "1.5", "6", "6", "7")), "6.00", false);
        }
    }

    @Nested
    @DisplayName("MEDIAN")
    class Median {
        @Test
        void is_the_middle_mark_of_an_odd_number() {
            assertMark(score(median("A1", 3), marks("24", "20.3", "11")), "20.30", true);
        }

        @Test
        void is_the_mean_of_the_two_middle_marks_of_an_even_number() {
            assertMark(score(median("A1", 4), marks("18", "10.5", "4.36", "3")), "7.43", true);
        }

        @Test
        void rounds_the_mean_of_the_two_middle_marks_half_up() {
            assertMark(score(median("A1", 4), marks("1", "2.01", "2.02", "9")), "2.02", true);
        }

        @Test
        void uses_every_mark_when_more_than_judges_exist() {
            assertMark(score(median("A1", 3), marks("1", "2", "4", "9")), "3.00", true);
        }

        @Test
        void of_two_live_marks_is_their_mean() {
            assertMark(score(median("A1", 3), marks("3.75", "1.5")), "2.63", false);
        }
    }

    @Nested
    @DisplayName("WSS")
    class Wss {
        @Test
        void is_max_mark_times_the_mean_over_3() {
            assertMark(score(wss("A1").maxMark("9"), marks(2, 3, 3)), "8.00", true);
            assertMark(score(wss("A1").maxMark("12.5"), marks(1, 2, 1)), "5.56", true);
        }

        @Test
        void is_complete_when_the_spread_is_exactly_1() {
            CriterionResult result = score(wss("A1").maxMark("10"), marks(1, 2, 2));

            assertMark(result, "5.56", true);
            assertThat(result.discrepancy()).isFalse();
        }

        @Test
        void is_in_discrepancy_and_incomplete_when_the_spread_is_2() {
            CriterionResult result = score(wss("A1").maxMark("9"), marks(0, 2, 3));

            assertThat(result.discrepancy()).isTrue();
            // the live view still shows the mark the current marks give
            assertMark(result, "5.00", false);
        }

        @Test
        void is_in_discrepancy_as_soon_as_two_marks_are_2_apart() {
            CriterionResult result = score(wss("A1"), marks(1, 3));

            assertThat(result.discrepancy()).isTrue();
            assertThat(result.complete()).isFalse();
        }

        @Test
        void leaves_discrepancy_once_a_judge_re_marks_within_1() {
            assertThat(score(wss("A1"), marks(1, 3, 2)).discrepancy()).isTrue();
            assertThat(score(wss("A1"), marks(2, 3, 2)).complete()).isTrue();
        }

        @Test
        void uses_every_mark_when_more_than_judges_exist() {
            assertMark(score(wss("A1").maxMark("12"), marks(2, 2, 3, 3)), "10.00", true);
        }

        @Test
        void applies_to_live_marks_without_falling_back_to_the_raw_mean() {
            assertMark(score(wss("A1").maxMark("9"), marks(1, 2)), "4.50", false);
        }
    }

    @Test
    @DisplayName("uses exact decimals, never binary floating point")
    void exact_decimals() {
        assertThat(score(mean("A1", 3), marks("0.1", "0.2", "0.3")).mark()).isEqualTo(dec("0.20"));
    }
}
