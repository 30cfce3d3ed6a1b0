package org.craftmark.core.people;

import java.util.Objects;

/**
 * Public name masking (domain.md, Identity): keep the first character, replace each other character
 * with {@code *} — 张伟 → 张*, 欧阳娜娜 → 欧***. Characters are Unicode code points, so a name with a
 * character outside the Basic Multilingual Plane (e.g. 𠮷) is masked per character, not per
 * UTF-16 unit.
 */
public final class NameMask {
    private static final int MASK = '*';

    private NameMask() {
    }

    /** The public form of a person's name; an empty name stays empty. */
    public static String mask(String name) {
        Objects.requireNonNull(name, "name");
        int[] codePoints = name.codePoints().toArray();
        StringBuilder masked = new StringBuilder(name.length());
        for (int i = 0; i < codePoints.length; i++) {
            masked.appendCodePoint(i == 0 ? codePoints[i] : MASK);
        }
        return masked.toString();
    }
}
