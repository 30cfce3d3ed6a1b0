package org.craftmark.core.marking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.craftmark.core.marking.CriterionBuilder.single;
import static org.craftmark.core.marking.CriterionBuilder.wss;
import static org.craftmark.core.marking.Marks.dec;

import java.util.List;
import org.craftmark.core.common.Problem;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("A judge's mark")
class MarkValueTest {

    private final Criterion upTo30 = single("A1").maxMark("30").build();
    private final Criterion judged = wss("B2").maxMark("2").build();

    @ParameterizedTest(name = "{0} is a valid mark out of 30")
    @ValueSource(strings = {"0", "0.01", "17.5", "17.50", "17.500", "29.99", "30"})
    void may_be_any_decimal_from_0_to_max_mark_with_at_most_2_decimals(String value) {
        assertThat(MarkValue.validate(upTo30, dec(value))).isEmpty();
    }

    @Test
    void may_not_be_negative() {
        assertThat(MarkValue.validate(upTo30, dec("-0.5")))
                .singleElement()
                .satisfies(problem -> assertProblem(problem, "A1", "negative"));
    }

    @Test
    void may_not_exceed_max_mark() {
        assertThat(MarkValue.validate(upTo30, dec("30.01")))
                .singleElement()
                .satisfies(problem -> assertProblem(problem, "A1", "at most its maxMark 30"));
    }

    @Test
    void may_not_have_more_than_2_decimals() {
        assertThat(MarkValue.validate(upTo30, dec("17.125")))
                .singleElement()
                .satisfies(problem -> assertProblem(problem, "A1", "2 decimals"));
    }

    @Test
    void is_required() {
        assertThat(MarkValue.validate(upTo30, null)).hasSize(1);
    }

    @ParameterizedTest(name = "{0} is a WSS mark even when maxMark is 2")
    @ValueSource(strings = {"0", "1", "2", "3", "3.00"})
    void is_a_whole_number_from_0_to_3_for_wss(String value) {
        assertThat(MarkValue.validate(judged, dec(value))).isEmpty();
    }

    @ParameterizedTest(name = "{0} is not a WSS mark")
    @ValueSource(strings = {"-1", "0.5", "2.5", "4", "9"})
    void rejects_anything_else_for_wss(String value) {
        List<Problem> problems = MarkValue.validate(judged, dec(value));

        assertThat(problems).singleElement().satisfies(problem -> assertProblem(problem, "B2", "0, 1, 2 or 3"));
    }

    private static void assertProblem(Problem problem, String code, String says) {
        assertThat(problem.field()).isEqualTo("value");
        assertThat(problem.problem()).contains("criterion " + code).contains(says);
    }
}
