package org.craftmark.core.common;

import java.util.Objects;

/**
 * One thing wrong with an input, named the way the contract's error {@code details} name it:
 * the field (e.g. {@code criteria[2].maxMark}, {@code row 7: idNumber}) and what is wrong with it.
 */
public record Problem(String field, String problem) {
    public Problem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(problem, "problem");
    }

    /** The same problem reported under a parent field, e.g. {@code scheme.} + {@code criteria[0].code}. */
    public Problem under(String prefix) {
        return new Problem(prefix + field, problem);
    }
}
