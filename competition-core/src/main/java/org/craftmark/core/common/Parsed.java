package org.craftmark.core.common;

import java.util.List;

/**
 * What reading a value from text gives: the value, or every problem found with the text. Errors
 * are values here; {@link #orElseThrow()} turns them into a {@link RuleViolation} where a caller
 * cannot return them.
 */
public sealed interface Parsed<T> {

    T orElseThrow();

    /** A well-formed value. */
    record Valid<T>(T value) implements Parsed<T> {
        @Override
        public T orElseThrow() {
            return value;
        }
    }

    /** What is wrong with the text: at least one problem. */
    record Invalid<T>(List<Problem> problems) implements Parsed<T> {
        public Invalid {
            problems = List.copyOf(problems);
        }

        @Override
        public T orElseThrow() {
            throw new RuleViolation(problems);
        }
    }
}
