package org.craftmark.core.awards;

import java.util.Objects;
import org.craftmark.core.contest.Category;
import org.craftmark.core.contest.Group;
import org.craftmark.core.contest.Tier;

/**
 * Which placings a row of a promotion or title table is about: a tier and, optionally, a category,
 * a group and a lineup. A null part matches anything.
 */
public record RuleScope(Tier tier, Category category, Group group, Lineup lineup) {
    public RuleScope {
        Objects.requireNonNull(tier, "tier");
    }

    /** Every placing in contests of this tier. */
    public static RuleScope of(Tier tier) {
        return new RuleScope(tier, null, null, null);
    }

    public RuleScope in(Category onlyCategory) {
        return new RuleScope(tier, onlyCategory, group, lineup);
    }

    public RuleScope in(Group onlyGroup) {
        return new RuleScope(tier, category, onlyGroup, lineup);
    }

    public RuleScope in(Lineup onlyLineup) {
        return new RuleScope(tier, category, group, onlyLineup);
    }

    public boolean covers(Placing placing) {
        return tier == placing.contest().tier()
                && matches(category, placing.contest().category())
                && matches(group, placing.event().group())
                && matches(lineup, placing.event().lineup());
    }

    private static <T> boolean matches(T wanted, T actual) {
        return wanted == null || wanted == actual;
    }
}
