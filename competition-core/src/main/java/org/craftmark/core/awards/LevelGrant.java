package org.craftmark.core.awards;

import java.util.Objects;
import java.util.Optional;
import org.craftmark.core.contest.SkillLevel;

/**
 * A level a promotion rule gives: the target, and the escalated level for those who already hold the
 * target (已具有该等级的晋升一级), or null when there is no escalation.
 */
public record LevelGrant(SkillLevel target, SkillLevel escalated) {
    public LevelGrant {
        Objects.requireNonNull(target, "target");
        if (target == SkillLevel.NONE) {
            throw new IllegalArgumentException("a promotion grants a level, not NONE");
        }
        if (escalated != null && !target.isBelow(escalated)) {
            throw new IllegalArgumentException("the escalated level must be above the target " + target);
        }
    }

    /** The target only, e.g. students' L3 with no escalation. */
    public static LevelGrant of(SkillLevel target) {
        return new LevelGrant(target, null);
    }

    /** The target, or {@code escalated} for its holders. */
    public static LevelGrant escalating(SkillLevel target, SkillLevel escalated) {
        return new LevelGrant(target, escalated);
    }

    /** The target if {@code current} is below it, else the escalated level if below that, else none. */
    public Optional<SkillLevel> levelFor(SkillLevel current) {
        if (current.isBelow(target)) {
            return Optional.of(target);
        }
        return Optional.ofNullable(escalated).filter(current::isBelow);
    }
}
