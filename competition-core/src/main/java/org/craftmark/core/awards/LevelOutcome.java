package org.craftmark.core.awards;

import java.util.Objects;
import java.util.Optional;
import org.craftmark.core.contest.SkillLevel;

/** What the skill-level rule gives one person for one placing. */
public sealed interface LevelOutcome {
    /** The level awarded, if any. */
    default Optional<SkillLevel> awardedLevel() {
        return this instanceof Awarded awarded ? Optional.of(awarded.level) : Optional.empty();
    }

    /** Why a qualifying person got no level, if that is what happened. */
    default Optional<LevelReason> withheldReason() {
        return this instanceof Withheld withheld ? Optional.of(withheld.reason) : Optional.empty();
    }

    record Awarded(SkillLevel level) implements LevelOutcome {
        public Awarded {
            Objects.requireNonNull(level, "level");
        }
    }

    /** Qualified, but the rule gives nothing, for this reason. */
    record Withheld(LevelReason reason) implements LevelOutcome {
        public Withheld {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The placing does not qualify for any level (no reason is reported). */
    record NotEligible() implements LevelOutcome {
    }
}
