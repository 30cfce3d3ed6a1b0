package org.craftmark.core.marking;

import java.math.BigDecimal;
import java.util.List;
import org.craftmark.core.common.Problem;

/**
 * The rule for one judge's mark: a decimal with at most 2 decimals in [0, maxMark]; for WSS one of
 * the integers 0, 1, 2, 3 (the criterion's maxMark then scales the mean, not the marks).
 */
public final class MarkValue {
    static final String FIELD = "value";

    private MarkValue() {
    }

    /** What is wrong with {@code value} as a mark for {@code criterion}; empty when it is a valid mark. */
    public static List<Problem> validate(Criterion criterion, BigDecimal value) {
        String problem = problemWith(criterion, value);
        return problem == null ? List.of() : List.of(new Problem(FIELD, problem));
    }

    private static String problemWith(Criterion criterion, BigDecimal value) {
        String label = criterion.label();
        if (value == null) {
            return label + " needs a mark value";
        }
        String shown = value.toPlainString();
        if (criterion.method() == Method.WSS) {
            boolean wssMark = Criterion.decimalsOf(value) == 0
                    && value.signum() >= 0
                    && value.compareTo(BigDecimal.valueOf(Method.WSS_TOP_MARK)) <= 0;
            return wssMark ? null : label + " is marked WSS: the mark must be 0, 1, 2 or 3, not " + shown;
        }
        if (value.signum() < 0) {
            return label + ": the mark must not be negative, not " + shown;
        }
        if (value.compareTo(criterion.maxMark()) > 0) {
            return label + ": the mark must be at most its maxMark " + criterion.maxMark().toPlainString()
                    + ", not " + shown;
        }
        if (Criterion.decimalsOf(value) > Criterion.DECIMALS) {
            return label + ": the mark must have at most 2 decimals, not " + shown;
        }
        return null;
    }
}
