package org.craftmark.core.marking;

import java.math.BigDecimal;
import java.util.List;

/**
 * How a criterion's marks (one per judge) become the criterion mark, and how many judges that takes.
 * Each constant is the whole rule for its method. Marks are handed over sorted ascending.
 */
public enum Method {
    /** One judge; the criterion mark is the value. */
    SINGLE {
        @Override
        int minimumJudges(int trim) {
            return 1;
        }

        @Override
        int maximumJudges() {
            return 1;
        }

        // With more than one mark all of them are used, which only the fallback mean can do.
        @Override
        boolean appliesTo(int markCount, Criterion criterion) {
            return markCount == 1;
        }

        @Override
        Quotient exactMark(List<BigDecimal> sorted, Criterion criterion) {
            return Quotient.of(sorted.getFirst());
        }
    },

    /** The arithmetic mean. */
    MEAN {
        @Override
        int minimumJudges(int trim) {
            return 2;
        }

        @Override
        Quotient exactMark(List<BigDecimal> sorted, Criterion criterion) {
            return Quotient.mean(sorted);
        }
    },

    /** Drop the {@code trim} highest and {@code trim} lowest values, then the mean of the rest (去掉最高分和最低分). */
    TRIMMED_MEAN {
        @Override
        int minimumJudges(int trim) {
            return 2 * trim + 1;
        }

        // Until one value would survive the trimming, the live view shows the plain mean.
        @Override
        boolean appliesTo(int markCount, Criterion criterion) {
            return markCount >= minimumJudges(criterion.trim());
        }

        @Override
        Quotient exactMark(List<BigDecimal> sorted, Criterion criterion) {
            int trim = criterion.trim();
            return Quotient.mean(sorted.subList(trim, sorted.size() - trim));
        }
    },

    /** The median; the mean of the two middle values when there is an even number of marks. */
    MEDIAN {
        @Override
        int minimumJudges(int trim) {
            return 3;
        }

        @Override
        Quotient exactMark(List<BigDecimal> sorted, Criterion criterion) {
            int middle = sorted.size() / 2;
            return sorted.size() % 2 == 1
                    ? Quotient.of(sorted.get(middle))
                    : Quotient.mean(sorted.subList(middle - 1, middle + 1));
        }
    },

    /**
     * WorldSkills judgement: marks 0–3, criterion mark = maxMark × (mean of marks) / 3. Marks more
     * than 1 apart put the criterion in discrepancy until the judges re-mark.
     */
    WSS {
        @Override
        int minimumJudges(int trim) {
            return 3;
        }

        @Override
        Quotient exactMark(List<BigDecimal> sorted, Criterion criterion) {
            // maxMark × (Σ/n) / 3 as one fraction, so the only rounding is the final one.
            BigDecimal dividend = criterion.maxMark().multiply(Quotient.sum(sorted));
            return new Quotient(dividend, WSS_TOP_MARK * sorted.size());
        }

        @Override
        boolean inDiscrepancy(List<BigDecimal> sorted) {
            return !sorted.isEmpty() && sorted.getLast().subtract(sorted.getFirst()).compareTo(BigDecimal.ONE) > 0;
        }
    };

    /** The highest WSS mark a judge can give (marks are the integers 0–3). */
    public static final int WSS_TOP_MARK = 3;

    /** The fewest judges a criterion with this method may require ({@code trim} matters for TRIMMED_MEAN only). */
    abstract int minimumJudges(int trim);

    /** The most judges a criterion with this method may require. */
    int maximumJudges() {
        return Integer.MAX_VALUE;
    }

    /** Whether this method is defined for that many marks; when not, the live mark is their mean. */
    boolean appliesTo(int markCount, Criterion criterion) {
        return markCount >= 1;
    }

    /** The unrounded criterion mark; only called when {@link #appliesTo} holds. */
    abstract Quotient exactMark(List<BigDecimal> sorted, Criterion criterion);

    /** Whether the judges disagree so much that they must re-mark. */
    boolean inDiscrepancy(List<BigDecimal> sorted) {
        return false;
    }
}
