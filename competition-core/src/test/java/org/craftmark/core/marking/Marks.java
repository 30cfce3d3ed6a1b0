package org.craftmark.core.marking;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/** Test data: judges' marks written as decimal strings or whole numbers, never as doubles. */
public final class Marks {
    private Marks() {
    }

    public static List<BigDecimal> marks(String... values) {
        return Arrays.stream(values).map(BigDecimal::new).toList();
    }

    public static List<BigDecimal> marks(int... values) {
        return Arrays.stream(values).mapToObj(BigDecimal::valueOf).toList();
    }

    public static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }
}
