package org.craftmark.core.marking;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How lenient or severe each judge marks: the mean, over every entry and criterion the judge marked
 * together with at least one other judge, of the judge's mark minus the panel's mean there, as a
 * percentage of the criterion's range (maxMark, or 3 for WSS) so criteria of any size compare. A judge
 * whose mean deviation is {@link #OUTLIER_PERCENT} points or more either way is flagged — the paper
 * analysis chief judges do after a contest, done as marks arrive.
 */
public final class Leniency {
    public static final BigDecimal OUTLIER_PERCENT = BigDecimal.valueOf(5);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** One current mark: which judge gave it, to which entry and criterion. */
    public record JudgedMark(long judgeId, long entryId, Criterion criterion, BigDecimal value) {
    }

    /** A judge's leniency: positive marks above the panel, negative below. */
    public record JudgeLeniency(long judgeId, int comparedMarks, BigDecimal meanDeviationPercent, boolean outlier) {
    }

    private Leniency() {
    }

    public static List<JudgeLeniency> of(List<JudgedMark> marks) {
        Map<String, List<JudgedMark>> byCell = new LinkedHashMap<>();
        marks.forEach(m -> byCell.computeIfAbsent(m.entryId() + "/" + m.criterion().code(), k -> new ArrayList<>()).add(m));
        Map<Long, List<BigDecimal>> deviations = new HashMap<>();
        for (List<JudgedMark> cell : byCell.values()) {
            if (cell.size() < 2) {
                continue;
            }
            BigDecimal mean = sum(cell.stream().map(JudgedMark::value).toList())
                    .divide(BigDecimal.valueOf(cell.size()), MathContext.DECIMAL128);
            for (JudgedMark mark : cell) {
                BigDecimal percent = mark.value().subtract(mean).multiply(HUNDRED)
                        .divide(range(mark.criterion()), MathContext.DECIMAL128);
                deviations.computeIfAbsent(mark.judgeId(), k -> new ArrayList<>()).add(percent);
            }
        }
        return deviations.entrySet().stream()
                .map(e -> judge(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(JudgeLeniency::judgeId))
                .toList();
    }

    private static JudgeLeniency judge(long judgeId, List<BigDecimal> deviations) {
        BigDecimal mean = sum(deviations).divide(BigDecimal.valueOf(deviations.size()), 2, RoundingMode.HALF_UP);
        return new JudgeLeniency(judgeId, deviations.size(), mean, mean.abs().compareTo(OUTLIER_PERCENT) >= 0);
    }

    private static BigDecimal range(Criterion criterion) {
        return criterion.method() == Method.WSS ? BigDecimal.valueOf(Method.WSS_TOP_MARK) : criterion.maxMark();
    }

    private static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
