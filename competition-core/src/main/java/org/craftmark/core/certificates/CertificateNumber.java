package org.craftmark.core.certificates;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.craftmark.core.common.Parsed;
import org.craftmark.core.common.Problem;
import org.craftmark.core.common.RuleViolation;

/**
 * A certificate number (证书编号): 22 characters, a {@link CertificatePrefix} then a 6-digit sequence
 * counted from 000001 per prefix. A number that does not have this shape is malformed (the public
 * verify endpoint answers 400, not 404).
 */
public record CertificateNumber(CertificatePrefix prefix, int sequence) {
    public static final int LENGTH = 22;
    static final int MAX_SEQUENCE = 999_999;
    static final String FIELD = "certificateNo";

    public CertificateNumber {
        Objects.requireNonNull(prefix, "prefix");
        if (sequence < 1 || sequence > MAX_SEQUENCE) {
            throw new RuleViolation("sequence", "must be 1–" + MAX_SEQUENCE);
        }
    }

    public static CertificateNumber of(CertificatePrefix prefix, int sequence) {
        return new CertificateNumber(prefix, sequence);
    }

    /** Reads a certificate number, reporting every deviation from the shape. */
    public static Parsed<CertificateNumber> parse(String text) {
        List<Problem> problems = shapeProblems(text);
        if (!problems.isEmpty()) {
            return new Parsed.Invalid<>(problems);
        }
        CertificatePrefix prefix = new CertificatePrefix(text.substring(1, 5), text.substring(5, 7),
                text.substring(7, 13), text.substring(13, 15), text.charAt(15) - '0');
        return new Parsed.Valid<>(new CertificateNumber(prefix, Integer.parseInt(text.substring(16))));
    }

    private static List<Problem> shapeProblems(String text) {
        if (text == null || text.length() != LENGTH) {
            return List.of(malformed("must be " + LENGTH + " characters"));
        }
        List<Problem> problems = new ArrayList<>();
        if (text.charAt(0) != 'S') {
            problems.add(malformed("must start with S"));
        }
        if (!Digits.are(text.substring(1), LENGTH - 1)) {
            problems.add(malformed("characters 2–22 must be digits"));
            return problems;
        }
        if (text.charAt(15) < '1' || text.charAt(15) > '5') {
            problems.add(malformed("level digit (character 16) must be 1–5"));
        }
        if (text.endsWith("000000")) {
            problems.add(malformed("sequence (characters 17–22) starts at 000001"));
        }
        return problems;
    }

    private static Problem malformed(String what) {
        return new Problem(FIELD, what);
    }

    /** The 22 characters. */
    public String value() {
        return prefix + Digits.padded(sequence, 6);
    }

    @Override
    public String toString() {
        return value();
    }
}
