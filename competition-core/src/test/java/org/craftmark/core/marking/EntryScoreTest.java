package org.craftmark.core.marking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.craftmark.core.marking.CriterionBuilder.deduction;
import static org.craftmark.core.marking.CriterionBuilder.mean;
import static org.craftmark.core.marking.CriterionBuilder.single;
import static org.craftmark.core.marking.CriterionBuilder.wss;
import static org.craftmark.core.marking.Marks.marks;
import static org.craftmark.core.marking.Schemes.scheme;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("An entry's score")
class EntryScoreTest {

    private final MarkingScheme scheme = scheme(
            single("A1").maxMark("30"),
            mean("B1", 2).maxMark("20"),
            deduction("S1"));

    @Test
    void totals_criterion_marks_less_deductions() {
        EntryScore score = scheme.score(Map.of("A1", marks("20"), "B1", marks("10", "11"), "S1", marks("2.5")));

        assertThat(score.total()).isEqualByComparingTo("28.00");
        assertThat(score.complete()).isTrue();
    }

    @Test
    void counts_deductions_negative_in_their_module() {
        EntryScore score = scheme.score(Map.of("A1", marks("20"), "B1", marks("10", "11"), "S1", marks("2.5")));

        assertThat(score.modules()).containsOnlyKeys("A", "B", "S");
        assertThat(score.moduleSum("A")).isEqualByComparingTo("20");
        assertThat(score.moduleSum("B")).isEqualByComparingTo("10.50");
        assertThat(score.moduleSum("S")).isEqualByComparingTo("-2.5");
    }

    @Test
    void adds_deductions_and_criteria_of_one_module_together() {
        MarkingScheme mixed = scheme(single("A1"), deduction("A2").module("A"));

        EntryScore score = mixed.score(Map.of("A1", marks("3"), "A2", marks("1")));

        assertThat(score.moduleSum("A")).isEqualByComparingTo("2");
    }

    @Test
    void never_totals_below_zero_when_deductions_exceed_the_marks() {
        EntryScore score = scheme.score(Map.of("A1", marks("1"), "B1", marks("0", "0"), "S1", marks("5")));

        assertThat(score.total()).isEqualByComparingTo("0").isEqualTo(BigDecimal.ZERO.setScale(2));
        assertThat(score.moduleSum("S")).as("the module sum keeps the deduction").isEqualByComparingTo("-5");
    }

    @Test
    void rounds_every_criterion_before_adding_it_up() {
        MarkingScheme twoHalves = scheme(mean("A1", 2), mean("A2", 2));

        // each criterion is 1.005 → 1.01, so the total is 2.02, not a rounded 2.01
        EntryScore score = twoHalves.score(Map.of("A1", marks("1", "1.01"), "A2", marks("1", "1.01")));

        assertThat(score.total()).isEqualByComparingTo("2.02");
    }

    @Test
    void sums_each_kind_and_counts_a_kind_without_criteria_as_zero() {
        EntryScore score = scheme.score(Map.of("A1", marks("20"), "B1", marks("10", "11"), "S1", marks("2.5")));

        assertThat(score.kindSum(Kind.MEASUREMENT)).isEqualByComparingTo("20");
        assertThat(score.kindSum(Kind.JUDGEMENT)).isEqualByComparingTo("10.5");
        assertThat(score.kindSum(Kind.DEDUCTION)).isEqualByComparingTo("2.5");
        assertThat(scheme(single("A1")).score(Map.of()).kindSum(Kind.JUDGEMENT)).isEqualByComparingTo("0");
    }

    @Test
    void is_incomplete_and_names_the_criteria_still_missing_marks() {
        EntryScore score = scheme.score(Map.of("A1", marks("20"), "B1", marks("10")));

        assertThat(score.complete()).isFalse();
        assertThat(score.incompleteCriteria()).containsExactly("B1", "S1");
        assertThat(score.total()).as("live total of the marks present").isEqualByComparingTo("30");
    }

    @Test
    void names_the_criteria_in_discrepancy() {
        MarkingScheme judged = scheme(wss("A1"), wss("A2"));

        EntryScore score = judged.score(Map.of("A1", marks(0, 2, 2), "A2", marks(1, 2, 2)));

        assertThat(score.discrepancies()).containsExactly("A1");
        assertThat(score.incompleteCriteria()).containsExactly("A1");
    }

    @Test
    void can_be_recomputed_from_cached_criterion_results() {
        Map<String, List<BigDecimal>> marks = Map.of("A1", marks("20"), "B1", marks("10", "11"), "S1", marks("1"));
        EntryScore full = scheme.score(marks);

        EntryScore recombined = EntryScore.of(scheme, full.criteria());

        assertThat(recombined).isEqualTo(full);
    }

    @Test
    void counts_a_module_or_kind_it_does_not_have_as_zero() {
        EntryScore bare = new EntryScore(BigDecimal.ONE, Map.of(), Map.of(), Map.of());

        assertThat(bare.moduleSum("Q")).isEqualByComparingTo("0");
        assertThat(bare.kindSum(Kind.MEASUREMENT)).isEqualByComparingTo("0");
    }

    @Test
    void rejects_marks_for_a_criterion_the_scheme_does_not_have() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> scheme.score(Map.of("Z9", marks("1"))))
                .withMessageContaining("Z9");
    }
}
