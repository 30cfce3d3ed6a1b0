package org.craftmark.core.marking;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A criterion's standing for one entry given the judges' current marks.
 *
 * @param mark        the criterion mark, rounded to 2 decimals half up (0.00 without marks)
 * @param complete    at least {@code judges} marks are in and none of them are in discrepancy
 * @param discrepancy the marks are too far apart (WSS spread above 1): the judges must re-mark
 */
public record CriterionResult(BigDecimal mark, boolean complete, boolean discrepancy) {

    /** A criterion nobody has marked yet: it counts 0. */
    public static final CriterionResult UNMARKED = new CriterionResult(BigDecimal.ZERO.setScale(2), false, false);

    public CriterionResult {
        Objects.requireNonNull(mark, "mark");
    }

    /**
     * Scores a criterion from the current marks, one per judge, in any order. When more marks than
     * {@code judges} exist all of them are used. While the method cannot apply yet (TRIMMED_MEAN with
     * fewer than 2·trim + 1 marks) the live mark is the mean of the marks present.
     */
    public static CriterionResult of(Criterion criterion, List<BigDecimal> marks) {
        if (marks.isEmpty()) {
            return UNMARKED;
        }
        List<BigDecimal> sorted = marks.stream().sorted().toList();
        Method method = criterion.method();
        Quotient exact = method.appliesTo(sorted.size(), criterion)
                ? method.exactMark(sorted, criterion)
                : Quotient.mean(sorted);
        boolean discrepancy = method.inDiscrepancy(sorted);
        boolean complete = sorted.size() >= criterion.judges() && !discrepancy;
        return new CriterionResult(exact.rounded(), complete, discrepancy);
    }
}
