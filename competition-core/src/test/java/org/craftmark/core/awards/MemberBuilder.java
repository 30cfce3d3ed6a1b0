package org.craftmark.core.awards;

import org.craftmark.core.contest.SkillLevel;
import org.craftmark.core.people.People;

/** Test-data builder: a team member with no level, not promoted this year, and units named after them. */
final class MemberBuilder {
    private final int n;
    private SkillLevel level = SkillLevel.NONE;
    private boolean promoted;
    private String employer;
    private String trainingUnit;

    private MemberBuilder(int n) {
        this.n = n;
        this.employer = "employer-" + n;
        this.trainingUnit = "school-" + n;
    }

    /** The {@code n}th test person (see {@link People#person}). */
    static MemberBuilder member(int n) {
        return new MemberBuilder(n);
    }

    MemberBuilder holding(SkillLevel current) {
        level = current;
        return this;
    }

    MemberBuilder promotedThisYear() {
        promoted = true;
        return this;
    }

    MemberBuilder employer(String name) {
        employer = name;
        return this;
    }

    MemberBuilder trainingUnit(String name) {
        trainingUnit = name;
        return this;
    }

    Member build() {
        return new Member(People.person(n), level, promoted, employer, trainingUnit);
    }
}
