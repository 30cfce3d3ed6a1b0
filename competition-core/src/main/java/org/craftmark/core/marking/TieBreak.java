package org.craftmark.core.marking;

import java.util.Objects;
import java.util.Optional;

/**
 * One entry of an event's {@code tieBreak} list, applied in order to entries with equal totals:
 * {@code MODULE:X} (higher sum of module X), {@code KIND:MEASUREMENT} / {@code KIND:JUDGEMENT}
 * (higher sum of that kind) or {@code TIME} (lower completion time; none recorded ranks last).
 */
public sealed interface TieBreak {

    String MODULE_PREFIX = "MODULE:";
    String KIND_PREFIX = "KIND:";
    String TIME_TEXT = "TIME";

    /** The single TIME tie-break. */
    TieBreak TIME = new TimeTieBreak();

    /** The form the contract writes it in, e.g. {@code MODULE:A}. */
    String text();

    /** Higher sum of the module's criterion marks (deductions negative) wins. */
    record ModuleTieBreak(String module) implements TieBreak {
        public ModuleTieBreak {
            if (module == null || module.isBlank()) {
                throw new IllegalArgumentException("a MODULE tie-break names a module");
            }
        }

        @Override
        public String text() {
            return MODULE_PREFIX + module;
        }
    }

    /** Higher sum of the criteria of that kind wins; only MEASUREMENT and JUDGEMENT break ties. */
    record KindTieBreak(Kind kind) implements TieBreak {
        public KindTieBreak {
            Objects.requireNonNull(kind, "kind");
            // "More deduction wins" would reward unsafe work, so the rulebook offers no KIND:DEDUCTION.
            if (kind == Kind.DEDUCTION) {
                throw new IllegalArgumentException("DEDUCTION does not break ties");
            }
        }

        @Override
        public String text() {
            return KIND_PREFIX + kind;
        }
    }

    /** Lower completion time wins; an entry without a recorded time ranks after any time. */
    record TimeTieBreak() implements TieBreak {
        @Override
        public String text() {
            return TIME_TEXT;
        }
    }

    /**
     * Reads {@code MODULE:X}, {@code KIND:MEASUREMENT}, {@code KIND:JUDGEMENT} or {@code TIME}
     * (exactly, case-sensitive). Whether module X exists is the scheme's rule, not checked here.
     */
    static Optional<TieBreak> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (text.equals(TIME_TEXT)) {
            return Optional.of(TIME);
        }
        if (text.startsWith(MODULE_PREFIX) && !text.substring(MODULE_PREFIX.length()).isBlank()) {
            return Optional.of(new ModuleTieBreak(text.substring(MODULE_PREFIX.length())));
        }
        if (text.startsWith(KIND_PREFIX)) {
            String kind = text.substring(KIND_PREFIX.length());
            if (kind.equals(Kind.MEASUREMENT.name()) || kind.equals(Kind.JUDGEMENT.name())) {
                return Optional.of(new KindTieBreak(Kind.valueOf(kind)));
            }
        }
        return Optional.empty();
    }
}
