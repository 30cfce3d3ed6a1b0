package org.craftmark.core.awards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.craftmark.core.awards.MemberBuilder.member;

import java.util.List;
import java.util.Map;
import org.craftmark.core.contest.Prize;
import org.craftmark.core.contest.Tier;
import org.craftmark.core.pipeline.RegionCode;
import org.craftmark.core.pipeline.Regions;
import org.junit.jupiter.api.Test;

class CashAwardsTest {
    /** The Tongzhou district plan of domain.md. */
    private static final AwardPolicy TONGZHOU = new AwardPolicy(Regions.TONGZHOU, Map.of(
            Tier.WORLD, new AwardAmounts(300_000, 180_000, 120_000, 100_000),
            Tier.NATIONAL, new AwardAmounts(200_000, 150_000, 100_000, 80_000),
            Tier.CITY, new AwardAmounts(100_000, 50_000, 30_000, 50_000)));
    /** A made-up Beijing plan, so a Tongzhou winner is paid twice. */
    private static final AwardPolicy BEIJING = new AwardPolicy(Regions.BEIJING, Map.of(
            Tier.NATIONAL, new AwardAmounts(50_000, 40_000, 20_000, 10_000)));

    private static List<EntitlementRow> rows(Result result, AwardPolicy... policies) {
        return result.rowsBy(Entitlements.withDefaultTables(List.of(policies), Regions.TREE));
    }

    private static List<Long> individualAwards(List<EntitlementRow> rows) {
        return rows.stream().map(EntitlementRow::individualAward).toList();
    }

    @Test
    void splitsWholeYuanEquallyWithTheRemainderToTheFirst() {
        assertThat(CashAwards.splitEqually(100_000, 3)).containsExactly(33_334L, 33_333L, 33_333L);
        assertThat(CashAwards.splitEqually(50_000, 3)).containsExactly(16_668L, 16_666L, 16_666L);
        assertThat(CashAwards.splitEqually(7, 2)).containsExactly(4L, 3L);
        assertThat(CashAwards.splitEqually(100_000, 1)).containsExactly(100_000L);
    }

    @Test
    void aTeamAwardIsSplitAmongItsMembers() {
        List<EntitlementRow> rows = rows(Result.in(Tier.CITY).teamOf(3), TONGZHOU);

        assertThat(individualAwards(rows)).containsExactly(33_334L, 33_333L, 33_333L);
    }

    @Test
    void eachPayingPolicyIsSplitOnItsOwn() {
        List<EntitlementRow> rows = rows(Result.in(Tier.NATIONAL).teamOf(3), TONGZHOU, BEIJING);

        // 200000 → 66668/66666/66666 and 50000 → 16668/16666/16666; splitting the 250000 sum
        // instead would give 83334/83333/83333.
        assertThat(individualAwards(rows)).containsExactly(83_336L, 83_332L, 83_332L);
        assertThat(rows.getFirst().awards()).containsExactly(
                new Award(Regions.TONGZHOU, 66_668, 80_000), new Award(Regions.BEIJING, 16_668, 10_000));
        assertThat(rows.get(1).awards()).containsExactly(
                new Award(Regions.TONGZHOU, 66_666, 0), new Award(Regions.BEIJING, 16_666, 0));
    }

    @Test
    void aDistrictAndItsCityBothPayADistrictWinner() {
        EntitlementRow row = rows(Result.in(Tier.NATIONAL).home(Regions.TONGZHOU), TONGZHOU, BEIJING).getFirst();

        assertThat(row.awards()).extracting(Award::payerRegionCode)
                .containsExactly(Regions.TONGZHOU, Regions.BEIJING);
        assertThat(row.individualAward()).isEqualTo(250_000);
        assertThat(row.unitAward()).isEqualTo(90_000);
    }

    @Test
    void onlyPoliciesOfTheHomeRegionOrAroundItPay() {
        assertThat(rows(Result.in(Tier.NATIONAL).home(Regions.CHAOYANG), TONGZHOU, BEIJING).getFirst().awards())
                .extracting(Award::payerRegionCode).containsExactly(Regions.BEIJING);
        assertThat(rows(Result.in(Tier.NATIONAL).home(Regions.HEPING), TONGZHOU, BEIJING).getFirst().awards())
                .isEmpty();
    }

    @Test
    void aNationalPolicyPaysEveryRegion() {
        AwardPolicy nation = new AwardPolicy(RegionCode.NATION, Map.of(Tier.WORLD, new AwardAmounts(1, 1, 1, 0)));

        assertThat(rows(Result.in(Tier.WORLD).home(Regions.HEPING), nation).getFirst().individualAward()).isEqualTo(1);
    }

    @Test
    void aPolicyPaysOnlyTheTiersItLists() {
        assertThat(rows(Result.in(Tier.DISTRICT), TONGZHOU).getFirst().awards()).isEmpty();
        assertThat(rows(Result.in(Tier.CITY), BEIJING).getFirst().awards()).isEmpty();
    }

    @Test
    void medalsArePaidAndExcellenceIsNot() {
        Result city = Result.in(Tier.CITY).of(20);

        assertThat(individualAwards(List.of(
                rows(city.rank(1), TONGZHOU).getFirst(), rows(city.rank(2), TONGZHOU).getFirst(),
                rows(city.rank(3), TONGZHOU).getFirst(), rows(city.rank(4), TONGZHOU).getFirst())))
                .containsExactly(100_000L, 50_000L, 30_000L, 0L);
        assertThat(rows(city.rank(4), TONGZHOU).getFirst().prize()).isEqualTo(Prize.EXCELLENCE);
    }

    @Test
    void theUnitAwardIsPaidOnceOnTheFirstMembersRowToTheirTrainingUnit() {
        List<EntitlementRow> rows = rows(Result.in(Tier.CITY).team(
                member(0).trainingUnit("北京市工业技师学院"), member(1).trainingUnit("其他学校")), TONGZHOU);

        assertThat(rows).extracting(EntitlementRow::unitAward).containsExactly(50_000L, 0L);
        assertThat(rows).extracting(EntitlementRow::unit).containsExactly("北京市工业技师学院", null);
    }

    @Test
    void theUnitAwardGoesToTheEmployerWhenThereIsNoTrainingUnit() {
        Result byWorker = Result.in(Tier.CITY).by(member(0).trainingUnit(" ").employer("北京电力公司"));

        assertThat(rows(byWorker, TONGZHOU).getFirst().unit()).isEqualTo("北京电力公司");
    }

    @Test
    void nobodyIsNamedAsUnitWhenNoUnitAwardIsPaid() {
        assertThat(rows(Result.in(Tier.CITY).rank(4)).getFirst().unit()).isNull();
    }

    @Test
    void aRowThatGrantsNothingIsStillThere() {
        List<EntitlementRow> rows = rows(Result.in(Tier.DISTRICT).teamOf(2).rank(20), TONGZHOU);

        assertThat(rows).hasSize(2).noneMatch(EntitlementRow::grantsSomething);
    }
}
