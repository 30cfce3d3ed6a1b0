package org.craftmark.core.marking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.craftmark.core.marking.CriterionBuilder.criterion;
import static org.craftmark.core.marking.CriterionBuilder.deduction;
import static org.craftmark.core.marking.CriterionBuilder.mean;
import static org.craftmark.core.marking.CriterionBuilder.single;
import static org.craftmark.core.marking.CriterionBuilder.trimmedMean;
import static org.craftmark.core.marking.CriterionBuilder.wss;
import static org.craftmark.core.marking.Schemes.criteriaOf;
import static org.craftmark.core.marking.Schemes.scheme;
import static org.craftmark.core.marking.Schemes.schemeWithTieBreak;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.craftmark.core.common.Problem;
import org.craftmark.core.common.RuleViolation;
import org.craftmark.core.marking.TieBreak.ModuleTieBreak;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("A marking scheme")
class MarkingSchemeTest {

    /** The contract's example scheme (api.md). */
    private static final CriterionBuilder[] EXAMPLE = {
            single("A1").maxMark("30"),
            trimmedMean("B1", 5, 1).maxMark("20"),
            wss("B2").maxMark("9"),
            deduction("S1")};

    private static List<Problem> problemsOf(CriterionBuilder... criteria) {
        return MarkingScheme.validate(criteriaOf(criteria), List.of());
    }

    /** The one problem a scheme of a valid criterion followed by {@code broken} has. */
    private static Problem onlyProblemOf(CriterionBuilder broken) {
        List<Problem> problems = problemsOf(single("A1"), broken);
        assertThat(problems).hasSize(1);
        return problems.getFirst();
    }

    @Test
    void accepts_the_contract_example() {
        MarkingScheme scheme = schemeWithTieBreak(List.of("MODULE:A", "TIME"), EXAMPLE);

        assertThat(scheme.modules()).containsExactly("A", "B", "S");
        assertThat(scheme.tieBreak()).containsExactly(new ModuleTieBreak("A"), TieBreak.TIME);
        assertThat(scheme.criterion("B2")).get().extracting(Criterion::method).isEqualTo(Method.WSS);
    }

    @Test
    void needs_at_least_one_criterion() {
        assertThat(MarkingScheme.validate(List.of(), List.of()))
                .containsExactly(new Problem("criteria", "a marking scheme needs at least one criterion"));
        assertThat(MarkingScheme.validate(null, null)).extracting(Problem::field).containsExactly("criteria");
    }

    @Test
    void reports_a_code_used_twice_at_its_second_use() {
        Problem problem = onlyProblemOf(mean("A1", 3));

        assertThat(problem.field()).isEqualTo("criteria[1].code");
        assertThat(problem.problem()).isEqualTo("criterion code A1 is used twice: criteria[0] has it too");
    }

    @ParameterizedTest(name = "a code of \"{0}\" is missing")
    @ValueSource(strings = {"", "  "})
    void needs_a_code(String code) {
        assertThat(onlyProblemOf(mean("B1", 3).code(code)).field()).isEqualTo("criteria[1].code");
    }

    @Test
    void needs_a_module_and_a_name() {
        List<Problem> problems = problemsOf(mean("B1", 3).module(" ").name(null));

        assertThat(problems).containsExactly(
                new Problem("criteria[0].module", "criterion B1 needs a module"),
                new Problem("criteria[0].name", "criterion B1 needs a name"));
    }

    @Test
    void needs_a_kind_and_a_method() {
        List<Problem> problems = problemsOf(criterion("B1").kind(null).method(null));

        assertThat(problems).extracting(Problem::field).containsExactly("criteria[0].kind", "criteria[0].method");
        assertThat(problems).allSatisfy(problem -> assertThat(problem.problem()).contains("criterion B1"));
    }

    @Nested
    @DisplayName("maxMark")
    class MaxMark {
        @ParameterizedTest(name = "{0} is a valid maxMark")
        @ValueSource(strings = {"0.01", "12.5", "12.50", "12.500", "100", "100.00"})
        void is_above_0_at_most_100_with_at_most_2_decimals(String maxMark) {
            assertThat(problemsOf(mean("B1", 3).maxMark(maxMark))).isEmpty();
        }

        @ParameterizedTest(name = "{0} is not a valid maxMark")
        @ValueSource(strings = {"0", "-5", "100.01", "150", "12.345"})
        void rejects_anything_else(String maxMark) {
            Problem problem = onlyProblemOf(mean("B1", 3).maxMark(maxMark));

            assertThat(problem.field()).isEqualTo("criteria[1].maxMark");
            assertThat(problem.problem()).startsWith("criterion B1 must have a maxMark").endsWith(maxMark);
        }

        @Test
        void is_required() {
            assertThat(onlyProblemOf(mean("B1", 3).maxMark(null)))
                    .isEqualTo(new Problem("criteria[1].maxMark", "criterion B1 needs a maxMark"));
        }
    }

    @Nested
    @DisplayName("judges")
    class Judges {
        static Stream<Arguments> judgesPerMethod() {
            return Stream.of(
                    Arguments.of(Method.SINGLE, 1, 1, true),
                    Arguments.of(Method.SINGLE, 1, 2, false),
                    Arguments.of(Method.SINGLE, 1, 0, false),
                    Arguments.of(Method.MEAN, 1, 2, true),
                    Arguments.of(Method.MEAN, 1, 1, false),
                    Arguments.of(Method.TRIMMED_MEAN, 1, 3, true),
                    Arguments.of(Method.TRIMMED_MEAN, 1, 2, false),
                    Arguments.of(Method.TRIMMED_MEAN, 2, 5, true),
                    Arguments.of(Method.TRIMMED_MEAN, 2, 4, false),
                    Arguments.of(Method.MEDIAN, 1, 3, true),
                    Arguments.of(Method.MEDIAN, 1, 4, true),
                    Arguments.of(Method.MEDIAN, 1, 2, false),
                    Arguments.of(Method.WSS, 1, 3, true),
                    Arguments.of(Method.WSS, 1, 2, false));
        }

        @ParameterizedTest(name = "{0} (trim {1}) with {2} judges: valid = {3}")
        @MethodSource("judgesPerMethod")
        void are_as_many_as_the_method_needs(Method method, int trim, int judges, boolean valid) {
            List<Problem> problems = problemsOf(criterion("B1").method(method).trim(trim).judges(judges));

            assertThat(problems).extracting(Problem::field)
                    .isEqualTo(valid ? List.of() : List.of("criteria[0].judges"));
        }

        @Test
        void say_how_many_the_method_needs() {
            assertThat(onlyProblemOf(trimmedMean("B1", 4, 2)).problem())
                    .isEqualTo("criterion B1 uses TRIMMED_MEAN, which needs at least 5 judges (2 × trim 2 + 1), not 4");
            assertThat(onlyProblemOf(single("B1").judges(2)).problem())
                    .isEqualTo("criterion B1 uses SINGLE, which needs exactly 1 judge, not 2");
        }

        @Test
        void trim_at_least_1_for_trimmed_mean() {
            assertThat(onlyProblemOf(trimmedMean("B1", 5, 0)))
                    .isEqualTo(new Problem("criteria[1].trim",
                            "criterion B1 must trim at least 1 mark at each end, not 0"));
        }

        @Test
        void ignore_trim_for_other_methods() {
            assertThat(problemsOf(mean("B1", 3).trim(0))).isEmpty();
        }
    }

    @Nested
    @DisplayName("tie-breaks")
    class TieBreaks {
        @Test
        void may_be_left_out() {
            assertThat(MarkingScheme.validate(criteriaOf(EXAMPLE), null)).isEmpty();
        }

        @Test
        void must_name_a_module_of_the_scheme() {
            List<Problem> problems = MarkingScheme.validate(criteriaOf(EXAMPLE), List.of("TIME", "MODULE:C"));

            assertThat(problems).containsExactly(new Problem("tieBreak[1]",
                    "tie-break MODULE:C names no module of this scheme (its modules: A, B, S)"));
        }

        @Test
        void must_be_one_of_the_known_forms() {
            List<Problem> problems = MarkingScheme.validate(criteriaOf(EXAMPLE), List.of("KIND:DEDUCTION"));

            assertThat(problems).singleElement().satisfies(problem -> {
                assertThat(problem.field()).isEqualTo("tieBreak[0]");
                assertThat(problem.problem()).startsWith("'KIND:DEDUCTION' is not a tie-break")
                        .contains("MODULE:<module>, KIND:MEASUREMENT, KIND:JUDGEMENT or TIME");
            });
        }

        @Test
        void are_checked_when_given_as_values_too() {
            List<Criterion> criteria = criteriaOf(EXAMPLE);
            List<TieBreak> unknownModule = List.of(new ModuleTieBreak("Z"));

            assertThatThrownBy(() -> new MarkingScheme(criteria, unknownModule))
                    .isInstanceOfSatisfying(RuleViolation.class, violation -> assertThat(violation.problems())
                            .extracting(Problem::field).containsExactly("tieBreak[0]"));
        }
    }

    @Test
    void reports_every_problem_at_once() {
        List<String> tieBreak = new ArrayList<>(List.of("FASTEST"));
        tieBreak.add(null);

        List<Problem> problems = MarkingScheme.validate(
                criteriaOf(single("A1").judges(3), wss("A1").maxMark("0"), mean("C1", 1)), tieBreak);

        assertThat(problems).extracting(Problem::field).containsExactly(
                "criteria[0].judges", "criteria[1].maxMark", "criteria[1].code", "criteria[2].judges",
                "tieBreak[0]", "tieBreak[1]");
    }

    @Test
    void cannot_be_built_when_invalid() {
        assertThatThrownBy(() -> schemeWithTieBreak(List.of("MODULE:Q"), mean("A1", 1)))
                .isInstanceOfSatisfying(RuleViolation.class, violation -> assertThat(violation.problems())
                        .extracting(Problem::field).containsExactly("criteria[0].judges", "tieBreak[0]"));
    }

    @Test
    void is_immutable() {
        MarkingScheme scheme = scheme(EXAMPLE);

        assertThatThrownBy(() -> scheme.criteria().add(mean("X1", 3).build()))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
