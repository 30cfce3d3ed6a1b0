package org.craftmark.core.awards;

import static org.craftmark.core.contest.SkillLevel.L1;
import static org.craftmark.core.contest.SkillLevel.L2;
import static org.craftmark.core.contest.SkillLevel.L3;
import static org.craftmark.core.contest.SkillLevel.L4;

import java.util.List;
import java.util.Optional;
import org.craftmark.core.contest.Category;
import org.craftmark.core.contest.Prize;
import org.craftmark.core.contest.SkillLevel;
import org.craftmark.core.contest.Tier;

/**
 * The skill-level promotion table. Organizers change it, so it is data: the first rule that applies
 * to a placing decides; no rule means no level.
 */
public record PromotionTable(List<PromotionRule> rules) {
    public PromotionTable {
        rules = List.copyOf(rules);
    }

    /** The defaults of domain.md (Entitlements, Skill level). */
    public static PromotionTable defaults() {
        return new PromotionTable(List.of(
                new PromotionRule(RuleScope.of(Tier.WORLD), Qualification.prizeIn(Prize.GOLD),
                        LevelGrant.of(L1), LevelGrant.of(L1)),
                new PromotionRule(RuleScope.of(Tier.WORLD),
                        Qualification.prizeIn(Prize.SILVER, Prize.BRONZE, Prize.EXCELLENCE),
                        LevelGrant.escalating(L2, L1), LevelGrant.escalating(L2, L1)),
                new PromotionRule(RuleScope.of(Tier.NATIONAL), Qualification.anyPrize(),
                        LevelGrant.escalating(L2, L1), LevelGrant.escalating(L2, L1)),
                new PromotionRule(RuleScope.of(Tier.CITY).in(Category.CLASS_I), Qualification.rankAtMost(10),
                        LevelGrant.escalating(L2, L1), LevelGrant.of(L3)),
                new PromotionRule(RuleScope.of(Tier.CITY).in(Category.CLASS_II), Qualification.rankAtMost(6),
                        LevelGrant.escalating(L3, L2), LevelGrant.of(L4)),
                new PromotionRule(RuleScope.of(Tier.DISTRICT), Qualification.rankAtMost(6),
                        LevelGrant.escalating(L3, L2), LevelGrant.of(L4))));
    }

    /**
     * The level one person gets for a placing. Holding the level is checked before the once-a-year
     * limit: a person the rule gives nothing is told so, whatever else happened that year (the
     * published vectors pin this order).
     */
    public LevelOutcome decide(Placing placing, SkillLevel currentLevel, boolean promotedThisYear) {
        Optional<PromotionRule> rule = rules.stream().filter(r -> r.appliesTo(placing)).findFirst();
        if (rule.isEmpty()) {
            return new LevelOutcome.NotEligible();
        }
        Optional<SkillLevel> level = rule.get().grantFor(placing.event().group()).levelFor(currentLevel);
        if (level.isEmpty()) {
            return new LevelOutcome.Withheld(LevelReason.ALREADY_HOLDS_LEVEL);
        }
        if (promotedThisYear) {
            return new LevelOutcome.Withheld(LevelReason.ALREADY_PROMOTED_THIS_YEAR);
        }
        return new LevelOutcome.Awarded(level.get());
    }
}
