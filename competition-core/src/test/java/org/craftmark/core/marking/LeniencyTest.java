package org.craftmark.core.marking;

import org.craftmark.core.marking.Leniency.JudgeLeniency;
import org.craftmark.core.marking.Leniency.JudgedMark;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LeniencyTest {
    private static final Criterion TWENTY = new Criterion("B1", "B", "工艺", Kind.JUDGEMENT, BigDecimal.valueOf(20), Method.MEAN, 2);
    private static final Criterion WSS = new Criterion("W1", "B", "外观", Kind.JUDGEMENT, BigDecimal.valueOf(9), Method.WSS, 3);

    private static JudgedMark mark(long judge, long entry, Criterion criterion, double value) {
        return new JudgedMark(judge, entry, criterion, BigDecimal.valueOf(value));
    }

    @Test
    void aJudgeAboveThePanelIsLenientAndOneBelowIsSevere() {
        List<JudgeLeniency> leniency = Leniency.of(List.of(
                mark(1, 10, TWENTY, 16), mark(2, 10, TWENTY, 12),
                mark(1, 11, TWENTY, 18), mark(2, 11, TWENTY, 14)));

        assertThat(leniency).extracting(JudgeLeniency::meanDeviationPercent).containsExactly(new BigDecimal("10.00"), new BigDecimal("-10.00"));
        assertThat(leniency).allMatch(JudgeLeniency::outlier);
        assertThat(leniency).extracting(JudgeLeniency::comparedMarks).containsExactly(2, 2);
    }

    @Test
    void wssMarksCompareOnTheirOwnZeroToThreeScale() {
        List<JudgeLeniency> leniency = Leniency.of(List.of(mark(1, 10, WSS, 2), mark(2, 10, WSS, 2), mark(3, 10, WSS, 2)));

        assertThat(leniency).extracting(JudgeLeniency::meanDeviationPercent).allMatch(d -> d.signum() == 0);
        assertThat(leniency).noneMatch(JudgeLeniency::outlier);
    }

    @Test
    void marksNobodyElseGaveAreNotCompared() {
        assertThat(Leniency.of(List.of(mark(1, 10, TWENTY, 16), mark(2, 11, TWENTY, 12)))).isEmpty();
    }

    @Test
    void justUnderFivePointsIsNotAnOutlier() {
        List<JudgeLeniency> leniency = Leniency.of(List.of(mark(1, 10, TWENTY, 10.98), mark(2, 10, TWENTY, 10)));

        assertThat(leniency.getFirst().meanDeviationPercent()).isEqualByComparingTo("2.45");
        assertThat(leniency.getFirst().outlier()).isFalse();
    }
}
