package org.craftmark.core.awards;

import java.util.Objects;
import org.craftmark.core.contest.Group;

/** One row of the promotion table (以赛代评): where, who, and the level for each group. */
public record PromotionRule(RuleScope scope, Qualification who, LevelGrant employee, LevelGrant student) {
    public PromotionRule {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(who, "who");
        Objects.requireNonNull(employee, "employee");
        Objects.requireNonNull(student, "student");
    }

    public boolean appliesTo(Placing placing) {
        return scope.covers(placing) && who.admits(placing);
    }

    public LevelGrant grantFor(Group group) {
        return group == Group.STUDENT ? student : employee;
    }
}
