package org.craftmark.core.common;

import java.util.List;

/**
 * Thrown when a value that must obey the rulebook does not. Validators return {@link Problem}s as
 * values; this exception only carries them across a boundary that cannot return them (constructors,
 * parsers). The server turns it into 400 {@code VALIDATION_FAILED} in one place.
 */
public final class RuleViolation extends RuntimeException {
    private final transient List<Problem> problems;

    public RuleViolation(List<Problem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public RuleViolation(String field, String problem) {
        this(List.of(new Problem(field, problem)));
    }

    public List<Problem> problems() {
        return problems;
    }

    /** Throws when there is anything to report. */
    public static void throwIfAny(List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new RuleViolation(problems);
        }
    }

    private static String summary(List<Problem> problems) {
        if (problems.isEmpty()) {
            return "invalid";
        }
        Problem first = problems.getFirst();
        String more = problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "";
        return first.field() + ": " + first.problem() + more;
    }
}
