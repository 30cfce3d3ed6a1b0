package org.craftmark.core.marking;

import java.math.BigDecimal;

/** What a criterion assesses, which decides whether its mark adds to or deducts from the total. */
public enum Kind {
    /** Objective, measured (测量). */
    MEASUREMENT,
    /** Subjective, judged (评价). */
    JUDGEMENT,
    /** A deduction (扣分), e.g. for safety: its mark is taken off the total. */
    DEDUCTION;

    /** The criterion mark as it counts towards module sums and the total: deductions count negative. */
    public BigDecimal signed(BigDecimal mark) {
        return this == DEDUCTION ? mark.negate() : mark;
    }
}
