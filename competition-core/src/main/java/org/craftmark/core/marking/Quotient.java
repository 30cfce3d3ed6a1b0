package org.craftmark.core.marking;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * A criterion mark before its single rounding, kept as an exact fraction. Dividing once, straight to
 * 2 decimals half up, means no intermediate rounding can ever tip a mark the wrong way.
 */
record Quotient(BigDecimal dividend, int divisor) {

    static Quotient of(BigDecimal value) {
        return new Quotient(value, 1);
    }

    static Quotient mean(List<BigDecimal> values) {
        return new Quotient(sum(values), values.size());
    }

    static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The criterion mark: rounded to 2 decimals, half up. */
    BigDecimal rounded() {
        return dividend.divide(BigDecimal.valueOf(divisor), 2, RoundingMode.HALF_UP);
    }
}
