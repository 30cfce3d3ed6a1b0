package org.craftmark.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.craftmark.core.contest.Tier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TierRulesTest {
    private static Region region(String code) {
        return Regions.TREE.find(new RegionCode(code)).orElseThrow();
    }

    private static boolean feeds(Tier fromTier, String fromRegion, Tier intoTier, String intoRegion) {
        return TierRules.feedsIntoProblems(new ContestScope(fromTier, new RegionCode(fromRegion)),
                new ContestScope(intoTier, new RegionCode(intoRegion)), Regions.TREE).isEmpty();
    }

    @ParameterizedTest(name = "{0} in {1} → {2}")
    @CsvSource({
            "DISTRICT, 110112, true", "DISTRICT, 110000, false", "DISTRICT, 000000, false",
            "CITY, 110000, true", "CITY, 110112, false", "CITY, 000000, false",
            "NATIONAL, 000000, true", "NATIONAL, 110000, false",
            "WORLD, 000000, true", "WORLD, 120101, false"})
    void aContestsTierMatchesItsRegionsLevel(Tier tier, String code, boolean matches) {
        assertThat(TierRules.regionProblems(tier, region(code)).isEmpty()).isEqualTo(matches);
    }

    @ParameterizedTest(name = "{0} {1} → {2} {3}: {4}")
    @CsvSource({
            "DISTRICT, 110112, CITY, 110000, true",
            "DISTRICT, 110112, CITY, 120000, false",
            "DISTRICT, 110112, NATIONAL, 000000, false",
            "DISTRICT, 110112, DISTRICT, 110105, false",
            "CITY, 110000, NATIONAL, 000000, true",
            "CITY, 110000, CITY, 120000, false",
            "CITY, 110000, WORLD, 000000, false",
            "NATIONAL, 000000, WORLD, 000000, false",
            "WORLD, 000000, NATIONAL, 000000, false"})
    void winnersFeedIntoTheNextTierUp(Tier fromTier, String fromRegion, Tier intoTier, String intoRegion,
                                      boolean allowed) {
        assertThat(feeds(fromTier, fromRegion, intoTier, intoRegion)).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"DISTRICT", "CITY", "NATIONAL"})
    void aBadFeedIsReportedOnFeedsInto(Tier fromTier) {
        assertThat(TierRules.feedsIntoProblems(new ContestScope(fromTier, Regions.TONGZHOU),
                new ContestScope(Tier.WORLD, RegionCode.NATION), Regions.TREE))
                .singleElement().extracting("field").isEqualTo("feedsInto");
    }
}
