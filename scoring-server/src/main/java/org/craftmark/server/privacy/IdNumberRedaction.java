package org.craftmark.server.privacy;

import java.util.regex.Pattern;

/**
 * Masks anything shaped like a resident ID number in text bound for a log — a request path such as
 * {@code /api/v1/persons/{idNumber}/history}, an error message quoting what was sent — the way the
 * public views mask them (110105********002X).
 */
public final class IdNumberRedaction {
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9])([0-9]{6})[0-9]{8}([0-9]{3}[0-9Xx])(?![0-9])");

    private IdNumberRedaction() {
    }

    public static String redact(String text) {
        return text == null ? null : ID_NUMBER.matcher(text).replaceAll("$1********$2");
    }
}
