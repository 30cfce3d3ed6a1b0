package org.craftmark.core.certificates;

import java.util.Locale;

/** Shape checks shared by the certificate number and its prefix. */
final class Digits {
    private Digits() {
    }

    /** Exactly {@code length} ASCII digits (not full-width or other scripts' digits). */
    static boolean are(String text, int length) {
        return text != null && text.length() == length && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    static String padded(long value, int length) {
        // Locale.ROOT: some locales' formatters print their own digits (e.g. Arabic-Indic).
        return String.format(Locale.ROOT, "%0" + length + "d", value);
    }
}
