package org.craftmark.core.awards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.craftmark.core.awards.MemberBuilder.member;
import static org.craftmark.core.contest.SkillLevel.L1;
import static org.craftmark.core.contest.SkillLevel.L2;
import static org.craftmark.core.contest.SkillLevel.L3;
import static org.craftmark.core.contest.SkillLevel.L4;
import static org.craftmark.core.contest.SkillLevel.L5;
import static org.craftmark.core.contest.SkillLevel.NONE;

import java.util.List;
import org.craftmark.core.contest.Category;
import org.craftmark.core.contest.Tier;
import org.craftmark.core.pipeline.Regions;
import org.junit.jupiter.api.Test;

class SkillLevelPromotionTest {
    private static final Entitlements DEFAULTS = Entitlements.withDefaultTables(List.of(), Regions.TREE);

    private static EntitlementRow rowOf(Result result) {
        return result.rowsBy(DEFAULTS).getFirst();
    }

    @Test
    void awardsTheTargetToSomeoneBelowIt() {
        assertThat(rowOf(Result.in(Tier.NATIONAL).by(member(0).holding(L4))).levelAwarded()).isEqualTo(L2);
    }

    @Test
    void escalatesOneLevelForHoldersOfTheTarget() {
        assertThat(rowOf(Result.in(Tier.NATIONAL).by(member(0).holding(L2))).levelAwarded()).isEqualTo(L1);
    }

    @Test
    void anL1HolderGetsNothingBecauseTheyAlreadyHoldIt() {
        EntitlementRow row = rowOf(Result.in(Tier.WORLD).by(member(0).holding(L1)));

        assertThat(row.levelAwarded()).isNull();
        assertThat(row.levelReason()).isEqualTo(LevelReason.ALREADY_HOLDS_LEVEL);
    }

    @Test
    void worldGoldGivesL1WithNoEscalationNeeded() {
        assertThat(rowOf(Result.in(Tier.WORLD).by(member(0).holding(L5))).levelAwarded()).isEqualTo(L1);
    }

    @Test
    void studentsAreNotEscalated() {
        Result cityClassOne = Result.in(Tier.CITY).category(Category.CLASS_I).students();

        assertThat(rowOf(cityClassOne.by(member(0).holding(L4))).levelAwarded()).isEqualTo(L3);
        EntitlementRow holder = rowOf(cityClassOne.by(member(0).holding(L3)));
        assertThat(holder.levelAwarded()).isNull();
        assertThat(holder.levelReason()).isEqualTo(LevelReason.ALREADY_HOLDS_LEVEL);
    }

    @Test
    void employeesHoldingTheTargetAreEscalatedWhereStudentsAreNot() {
        assertThat(rowOf(Result.in(Tier.DISTRICT).by(member(0).holding(L3))).levelAwarded()).isEqualTo(L2);
        assertThat(rowOf(Result.in(Tier.DISTRICT).students().by(member(0).holding(L4))).levelReason())
                .isEqualTo(LevelReason.ALREADY_HOLDS_LEVEL);
    }

    @Test
    void aSecondPromotionInOneYearIsWithheld() {
        EntitlementRow row = rowOf(Result.in(Tier.NATIONAL).by(member(0).holding(L4).promotedThisYear()));

        assertThat(row.levelAwarded()).isNull();
        assertThat(row.levelReason()).isEqualTo(LevelReason.ALREADY_PROMOTED_THIS_YEAR);
    }

    @Test
    void holdingTheLevelIsReportedBeforeTheYearlyLimit() {
        EntitlementRow row = rowOf(Result.in(Tier.WORLD).by(member(0).holding(L1).promotedThisYear()));

        assertThat(row.levelReason()).isEqualTo(LevelReason.ALREADY_HOLDS_LEVEL);
    }

    @Test
    void aPlacingOutsideTheTableGetsNoLevelAndNoReason() {
        EntitlementRow row = rowOf(Result.in(Tier.DISTRICT).rank(7).by(member(0).holding(NONE).promotedThisYear()));

        assertThat(row.level()).isEqualTo(new LevelOutcome.NotEligible());
        assertThat(row.levelReason()).isNull();
    }

    @Test
    void cityRankLimitsDependOnTheCategory() {
        Result rankEight = Result.in(Tier.CITY).rank(8);

        assertThat(rowOf(rankEight.category(Category.CLASS_I)).levelAwarded()).isEqualTo(L2);
        assertThat(rowOf(rankEight.category(Category.CLASS_II)).level()).isEqualTo(new LevelOutcome.NotEligible());
        assertThat(rowOf(Result.in(Tier.CITY).category(Category.CLASS_II).rank(6)).levelAwarded()).isEqualTo(L3);
    }

    @Test
    void nationalPromotionNeedsAPrize() {
        assertThat(rowOf(Result.in(Tier.NATIONAL).rank(10).of(20)).levelAwarded()).isEqualTo(L2);
        assertThat(rowOf(Result.in(Tier.NATIONAL).rank(11).of(20)).levelAwarded()).isNull();
    }

    @Test
    void everyTeamMemberIsJudgedOnTheirOwnLevel() {
        List<EntitlementRow> rows = Result.in(Tier.NATIONAL)
                .team(member(0).holding(L4), member(1).holding(L2), member(2).holding(L1))
                .rowsBy(DEFAULTS);

        assertThat(rows).extracting(EntitlementRow::levelAwarded).containsExactly(L2, L1, null);
    }

    @Test
    void organizersCanChangeTheTable() {
        PromotionTable stricterDistrict = new PromotionTable(List.of(new PromotionRule(RuleScope.of(Tier.DISTRICT),
                Qualification.rankAtMost(3), LevelGrant.of(L4), LevelGrant.of(L5))));
        Entitlements custom = new Entitlements(stricterDistrict, TitleTable.defaults(), List.of(), Regions.TREE);

        assertThat(Result.in(Tier.DISTRICT).rank(3).rowsBy(custom).getFirst().levelAwarded()).isEqualTo(L4);
        assertThat(Result.in(Tier.DISTRICT).rank(4).rowsBy(custom).getFirst().levelAwarded()).isNull();
        assertThat(Result.in(Tier.NATIONAL).rowsBy(custom).getFirst().levelAwarded()).isNull();
    }

    @Test
    void aPersonRankedInTwoEventsOfAContestIsPromotedOnce() {
        Result firstEvent = Result.in(Tier.DISTRICT).by(member(0).holding(L5));
        Result secondEvent = Result.in(Tier.DISTRICT).rank(2).by(member(0).holding(L5));

        List<EntitlementRow> rows = DEFAULTS.forContest(firstEvent.contest(), List.of(
                new EventStandings(firstEvent.event(), List.of(firstEvent.entry())),
                new EventStandings(secondEvent.event(), List.of(secondEvent.entry()))));

        assertThat(rows).extracting(EntitlementRow::levelAwarded).containsExactly(L3, null);
        assertThat(rows.get(1).levelReason()).isEqualTo(LevelReason.ALREADY_PROMOTED_THIS_YEAR);
    }

    @Test
    void anEscalatedLevelMustBeAboveTheTarget() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> LevelGrant.escalating(L2, L3));
    }
}
