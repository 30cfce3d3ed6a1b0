package org.craftmark.core.people;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.craftmark.core.common.Parsed;
import org.craftmark.core.common.Problem;
import org.craftmark.core.common.RuleViolation;

/**
 * A resident ID number (居民身份证号, GB 11643): 17 digits then a check character, with a real birth
 * date (yyyymmdd) in characters 7–14. Lower-case {@code x} is accepted and stored as {@code X}.
 *
 * <p>ID numbers are personal data: {@link #toString()} never shows the number, so an ID that ends up
 * in a log line or an exception message reveals nothing. Read the number with {@link #number()} only
 * where the contract allows it (ADMIN, the contest's organizer, HR).
 *
 * <p>Problems name the field {@value #FIELD}, and never repeat the number or its digits back.
 */
public final class ResidentId {
    static final String FIELD = "idNumber";
    private static final int LENGTH = 18;
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    /** Index: (Σ weight × digit) mod 11; value: the check character. */
    private static final String CHECK_CHARACTERS = "10X98765432";

    private final String number;
    private final LocalDate birthDate;

    private ResidentId(String number, LocalDate birthDate) {
        this.number = number;
        this.birthDate = birthDate;
    }

    /**
     * Reads a resident ID number. {@code today} decides what "in the future" means for the birth
     * date; pass the contest's clock, never the machine's, so results are reproducible.
     */
    public static Parsed<ResidentId> parse(String text, LocalDate today) {
        Objects.requireNonNull(today, "today");
        List<Problem> shape = shapeProblems(text);
        if (!shape.isEmpty()) {
            return new Parsed.Invalid<>(shape);
        }
        String number = text.toUpperCase(Locale.ROOT);
        List<Problem> problems = new ArrayList<>();
        LocalDate birthDate = birthDate(number, today, problems);
        if (checkCharacter(number) != number.charAt(LENGTH - 1)) {
            problems.add(problem("check character does not match the first 17 digits"));
        }
        return problems.isEmpty()
                ? new Parsed.Valid<>(new ResidentId(number, birthDate))
                : new Parsed.Invalid<>(problems);
    }

    /**
     * A number that was checked when it was registered, read back from storage; its birth date was in
     * the past then, so it is not checked against today again.
     *
     * @throws org.craftmark.core.common.RuleViolation when the number is not a valid resident ID at all
     */
    public static ResidentId ofRegistered(String number) {
        return parse(number, LocalDate.MAX).orElseThrow();
    }

    /** Length and character classes: nothing else can be checked until these hold. */
    private static List<Problem> shapeProblems(String text) {
        if (text == null || text.isEmpty()) {
            return List.of(problem("is required"));
        }
        if (text.length() != LENGTH) {
            return List.of(problem("must be 18 characters, got " + text.length()));
        }
        List<Problem> problems = new ArrayList<>();
        if (!text.substring(0, LENGTH - 1).chars().allMatch(ResidentId::isAsciiDigit)) {
            problems.add(problem("characters 1–17 must be digits 0–9"));
        }
        char last = text.charAt(LENGTH - 1);
        if (!isAsciiDigit(last) && last != 'X' && last != 'x') {
            problems.add(problem("character 18 must be a digit or X"));
        }
        return problems;
    }

    /** Characters 7–14 as a date; adds a problem and returns null when they are not a past date. */
    private static LocalDate birthDate(String number, LocalDate today, List<Problem> problems) {
        int year = Integer.parseInt(number.substring(6, 10));
        int month = Integer.parseInt(number.substring(10, 12));
        int day = Integer.parseInt(number.substring(12, 14));
        LocalDate date = realDate(year, month, day);
        if (date == null) {
            problems.add(problem("birth date (characters 7–14) is not a real date yyyymmdd"));
        } else if (date.isAfter(today)) {
            problems.add(problem("birth date (characters 7–14) is in the future"));
        }
        return date;
    }

    private static LocalDate realDate(int year, int month, int day) {
        // Year 0 is a valid proleptic ISO year for java.time but no one's birth year.
        if (year < 1) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException notADate) {
            return null;
        }
    }

    /**
     * The full number for 17 given digits: appends the GB 11643 check character. For making demo and
     * test identities; real ones come from the person.
     */
    public static String withCheckCharacter(String first17) {
        if (first17 == null || first17.length() != LENGTH - 1 || !first17.chars().allMatch(ResidentId::isAsciiDigit)) {
            throw new IllegalArgumentException("need exactly 17 digits");
        }
        return first17 + checkCharacter(first17);
    }

    private static char checkCharacter(String number) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += WEIGHTS[i] * (number.charAt(i) - '0');
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    private static boolean isAsciiDigit(int c) {
        // Character.isDigit would also accept full-width and other scripts' digits.
        return c >= '0' && c <= '9';
    }

    private static Problem problem(String what) {
        return new Problem(FIELD, what);
    }

    /** The full 18-character number, check character upper-case. Personal data: see the class doc. */
    public String number() {
        return number;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    /**
     * The number with the birth date hidden, e.g. {@code 110105********002X}: enough for an organizer
     * to tell two people apart on a screen, not enough to identify anyone.
     */
    public String masked() {
        return number.substring(0, 6) + "*".repeat(8) + number.substring(14);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ResidentId id && id.number.equals(number);
    }

    @Override
    public int hashCode() {
        return number.hashCode();
    }

    /** Never the number: this is what ends up in logs and exception messages. */
    @Override
    public String toString() {
        return "ResidentId[***]";
    }
}
