package org.craftmark.core.people;

import java.time.LocalDate;
import java.util.List;

/** Test data: valid resident IDs of distinct, made-up people. */
public final class People {
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    private static final List<String> NUMBERS = List.of(
            "110105196710047381", "110105198208167870", "110105199705217175", "150102196412285216",
            "110105200110182247", "110105200003024737", "110105199904107534", "120101198808287645");

    private People() {
    }

    /** The {@code n}th test person, 0–7. */
    public static ResidentId person(int n) {
        return ResidentId.parse(NUMBERS.get(n), TODAY).orElseThrow();
    }
}
