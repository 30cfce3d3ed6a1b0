package org.craftmark.core.people;

import java.util.Objects;

/**
 * How a resident ID number shows in tables: the region (first 6) and the last 4 characters, the
 * birth date and sequence hidden — 11010519491231002X → 110105********002X. Enough to tell two
 * people apart on a list and to check a number read out on the phone, not enough to use it.
 */
public final class IdNumberMask {
    private static final int KEEP_START = 6;
    private static final int KEEP_END = 4;

    private IdNumberMask() {
    }

    /** The masked form; a value too short to mask keeps nothing but stars. */
    public static String mask(String idNumber) {
        Objects.requireNonNull(idNumber, "idNumber");
        int length = idNumber.length();
        if (length <= KEEP_START + KEEP_END) {
            return "*".repeat(length);
        }
        return idNumber.substring(0, KEEP_START) + "*".repeat(length - KEEP_START - KEEP_END) + idNumber.substring(length - KEEP_END);
    }
}
