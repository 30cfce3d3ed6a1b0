package org.craftmark.core.marking;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.craftmark.core.common.Problem;

/**
 * One line of the marking scheme (评分项), as the organizer wrote it. Only criteria of a
 * {@link MarkingScheme} are known to obey the rules; {@link #problems()} says what is wrong with one.
 *
 * @param judges the number of marks required for the criterion to be complete
 * @param trim   for TRIMMED_MEAN, how many highest and how many lowest marks are dropped
 */
public record Criterion(String code, String module, String name, Kind kind, BigDecimal maxMark,
                        Method method, int judges, int trim) {

    public static final int DEFAULT_TRIM = 1;
    public static final BigDecimal MAX_MARK_LIMIT = BigDecimal.valueOf(100);
    public static final int DECIMALS = 2;

    /** A criterion with the default {@code trim} of 1. */
    public Criterion(String code, String module, String name, Kind kind, BigDecimal maxMark, Method method,
                     int judges) {
        this(code, module, name, kind, maxMark, method, judges, DEFAULT_TRIM);
    }

    /** Whether the criterion's mark is taken off the total. */
    public boolean isDeduction() {
        return kind == Kind.DEDUCTION;
    }

    /**
     * Everything wrong with this criterion on its own, with fields relative to it ({@code judges},
     * {@code maxMark}, …). Rules that involve other criteria belong to {@link MarkingScheme}.
     */
    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        if (isBlank(code)) {
            problems.add(new Problem("code", "a criterion needs a code"));
        }
        if (isBlank(module)) {
            problems.add(new Problem("module", label() + " needs a module"));
        }
        if (isBlank(name)) {
            problems.add(new Problem("name", label() + " needs a name"));
        }
        if (kind == null) {
            problems.add(new Problem("kind", label() + " needs a kind: MEASUREMENT, JUDGEMENT or DEDUCTION"));
        }
        maxMarkProblem().ifPresent(problems::add);
        if (method == null) {
            problems.add(new Problem("method",
                    label() + " needs a method: SINGLE, MEAN, TRIMMED_MEAN, MEDIAN or WSS"));
        } else if (method == Method.TRIMMED_MEAN && trim < 1) {
            problems.add(new Problem("trim", label() + " must trim at least 1 mark at each end, not " + trim));
        } else {
            judgesProblem().ifPresent(problems::add);
        }
        return problems;
    }

    /** How messages name this criterion: by its code when it has one. */
    String label() {
        return isBlank(code) ? "the criterion" : "criterion " + code;
    }

    private Optional<Problem> maxMarkProblem() {
        String problem;
        if (maxMark == null) {
            problem = label() + " needs a maxMark";
        } else if (maxMark.signum() <= 0) {
            problem = label() + " must have a maxMark above 0, not " + maxMark.toPlainString();
        } else if (maxMark.compareTo(MAX_MARK_LIMIT) > 0) {
            problem = label() + " must have a maxMark of at most 100, not " + maxMark.toPlainString();
        } else if (decimalsOf(maxMark) > DECIMALS) {
            problem = label() + " must have a maxMark with at most 2 decimals, not " + maxMark.toPlainString();
        } else {
            return Optional.empty();
        }
        return Optional.of(new Problem("maxMark", problem));
    }

    private Optional<Problem> judgesProblem() {
        int minimum = method.minimumJudges(trim);
        int maximum = method.maximumJudges();
        if (judges >= minimum && judges <= maximum) {
            return Optional.empty();
        }
        String required = minimum == maximum ? "exactly " + minimum : "at least " + minimum;
        String noun = minimum == 1 ? " judge" : " judges";
        String why = method == Method.TRIMMED_MEAN ? " (2 × trim " + trim + " + 1)" : "";
        return Optional.of(new Problem("judges",
                label() + " uses " + method + ", which needs " + required + noun + why + ", not " + judges));
    }

    /** The number of decimals a value really has: 17.50 has 1, 20 has 0. */
    static int decimalsOf(BigDecimal value) {
        return Math.max(0, value.stripTrailingZeros().scale());
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
