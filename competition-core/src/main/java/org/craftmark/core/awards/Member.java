package org.craftmark.core.awards;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import org.craftmark.core.contest.SkillLevel;
import org.craftmark.core.people.ResidentId;

/**
 * A ranked person, as entitlements read them.
 *
 * @param currentLevel the highest of the level given at registration and every level Craftmark
 *     awarded them at earlier finalizations
 * @param promotedThisYear whether a contest already promoted them in the contest's calendar year
 * @param employer may be null or blank
 * @param trainingUnit 培养单位; may be null or blank
 */
public record Member(ResidentId person, SkillLevel currentLevel, boolean promotedThisYear,
                     String employer, String trainingUnit) {
    public Member {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(currentLevel, "currentLevel");
    }

    /**
     * A person's current level at finalization: the highest of the level given at registration and
     * every level Craftmark awarded them at earlier finalizations.
     */
    public static SkillLevel currentLevel(SkillLevel registered, Collection<SkillLevel> awardedEarlier) {
        return awardedEarlier.stream().reduce(registered, SkillLevel::highest);
    }

    /** The same person, counted as promoted this year. */
    public Member promoted() {
        return new Member(person, currentLevel, true, employer, trainingUnit);
    }

    /** Who receives a unit award: the training unit, else the employer. */
    public Optional<String> awardedUnit() {
        return nonBlank(trainingUnit).or(() -> nonBlank(employer));
    }

    private static Optional<String> nonBlank(String unit) {
        return Optional.ofNullable(unit).map(String::strip).filter(name -> !name.isEmpty());
    }
}
