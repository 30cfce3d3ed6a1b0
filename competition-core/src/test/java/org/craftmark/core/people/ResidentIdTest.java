package org.craftmark.core.people;

import org.craftmark.core.common.Parsed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.craftmark.core.common.Problem;
import org.craftmark.core.common.RuleViolation;
import org.junit.jupiter.api.Test;

class ResidentIdTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    private static final String VALID = "110105199001010029";

    private static ResidentId valid(String text) {
        return ResidentId.parse(text, TODAY).orElseThrow();
    }

    private static List<String> problemsOf(String text) {
        Parsed<ResidentId> parsed = ResidentId.parse(text, TODAY);
        assertThat(parsed).isInstanceOf(Parsed.Invalid.class);
        List<Problem> problems = ((Parsed.Invalid<ResidentId>) parsed).problems();
        assertThat(problems).allSatisfy(problem -> assertThat(problem.field()).isEqualTo("idNumber"));
        return problems.stream().map(Problem::problem).toList();
    }

    @Test
    void completesSeventeenDigitsWithTheCheckCharacterThatParses() {
        assertThat(ResidentId.withCheckCharacter("11010519491231002")).isEqualTo("11010519491231002X");
        assertThat(ResidentId.withCheckCharacter("11011219820423067")).isEqualTo("11011219820423067X");
        assertThat(ResidentId.parse(ResidentId.withCheckCharacter("11010520010101123"), LocalDate.of(2026, 11, 21)))
                .isInstanceOf(Parsed.Valid.class);
        assertThatThrownBy(() -> ResidentId.withCheckCharacter("1101052001010112"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsTheBirthDateFromCharacters7To14() {
        assertThat(valid(VALID).birthDate()).isEqualTo(LocalDate.of(1990, 1, 1));
    }

    @Test
    void acceptsLowerCaseXAndStoresUpperCase() {
        ResidentId id = valid("11010519491231002x");

        assertThat(id.number()).isEqualTo("11010519491231002X");
        assertThat(id).isEqualTo(valid("11010519491231002X"));
    }

    @Test
    void acceptsFebruary29InALeapYear() {
        assertThat(valid("110105200002290013").birthDate()).isEqualTo(LocalDate.of(2000, 2, 29));
    }

    @Test
    void rejectsFebruary29InACenturyThatIsNoLeapYear() {
        // 1900 is divisible by 100 but not 400; the check digit is right, the date is not.
        assertThat(problemsOf("110105190002290017")).containsExactly(
                "birth date (characters 7–14) is not a real date yyyymmdd");
    }

    @Test
    void rejectsYear0000AndMonth13() {
        assertThat(problemsOf("11010500000101001X")).containsExactly(
                "birth date (characters 7–14) is not a real date yyyymmdd");
        assertThat(problemsOf("110105199013010018")).containsExactly(
                "birth date (characters 7–14) is not a real date yyyymmdd");
    }

    @Test
    void acceptsSomeoneBornToday() {
        assertThat(valid("110105202611210014").birthDate()).isEqualTo(TODAY);
    }

    @Test
    void rejectsABirthDateAfterToday() {
        assertThat(problemsOf("11010520261122001X")).containsExactly(
                "birth date (characters 7–14) is in the future");
    }

    @Test
    void rejectsAWrongCheckCharacter() {
        assertThat(problemsOf("110105199001010020")).containsExactly(
                "check character does not match the first 17 digits");
    }

    @Test
    void reportsABadDateAndABadCheckCharacterTogether() {
        assertThat(problemsOf("110105194902300021")).hasSize(2);
    }

    @Test
    void rejectsWrongLengthsBeforeAnythingElse() {
        assertThat(problemsOf("11010519900101002")).containsExactly("must be 18 characters, got 17");
        assertThat(problemsOf("1101051990010100290")).containsExactly("must be 18 characters, got 19");
        assertThat(problemsOf("")).containsExactly("is required");
        assertThat(problemsOf(null)).containsExactly("is required");
    }

    @Test
    void rejectsNonDigitsInTheFirst17() {
        assertThat(problemsOf("1101051990O1010029")).containsExactly("characters 1–17 must be digits 0–9");
        assertThat(problemsOf("1101051990010100X9")).containsExactly("characters 1–17 must be digits 0–9");
    }

    @Test
    void rejectsFullWidthDigitsThatJavaCallsDigits() {
        assertThat(problemsOf("１10105199001010029")).containsExactly("characters 1–17 must be digits 0–9");
    }

    @Test
    void rejectsACheckCharacterOtherThanADigitOrX() {
        assertThat(problemsOf("11010519491231002Y")).containsExactly("character 18 must be a digit or X");
    }

    @Test
    void neverPrintsTheNumber() {
        ResidentId id = valid(VALID);

        assertThat(id.toString()).doesNotContain(VALID).doesNotContain("19900101");
        assertThat(id.masked()).isEqualTo("110105********0029");
    }

    @Test
    void problemsDoNotRepeatTheNumberBack() {
        assertThat(problemsOf("110105199001010020")).noneMatch(problem -> problem.contains("1990"));
    }

    @Test
    void orElseThrowCarriesTheProblems() {
        assertThatThrownBy(() -> valid("110105199001010020"))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("idNumber: check character");
    }
}
