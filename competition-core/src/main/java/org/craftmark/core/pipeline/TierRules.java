package org.craftmark.core.pipeline;

import java.util.List;
import java.util.Optional;
import org.craftmark.core.common.Problem;
import org.craftmark.core.contest.Tier;

/**
 * The three-tier system (三级竞赛体系): which region a contest of each tier is held in, and which
 * contest it may feed its winners into. Problems name the contract's fields.
 */
public final class TierRules {
    private TierRules() {
    }

    /**
     * A contest's tier must match its region's level: DISTRICT ↔ DISTRICT, CITY ↔ CITY, NATIONAL and
     * WORLD ↔ NATION.
     */
    public static List<Problem> regionProblems(Tier tier, Region region) {
        RegionLevel expected = RegionLevel.of(tier);
        return region.level() == expected
                ? List.of()
                : List.of(new Problem("regionCode", "a " + tier + " contest is held in a " + expected
                        + " region, not a " + region.level()));
    }

    /**
     * {@code from} may feed into {@code into} when it is DISTRICT → a CITY contest of the district's
     * parent region, or CITY → a NATIONAL contest. Anything else is invalid.
     */
    public static List<Problem> feedsIntoProblems(ContestScope from, ContestScope into, RegionTree regions) {
        return switch (from.tier()) {
            case DISTRICT -> districtFeedProblems(from, into, regions);
            case CITY -> into.tier() == Tier.NATIONAL
                    ? List.of()
                    : feedProblem("a CITY contest feeds into a NATIONAL contest");
            case NATIONAL, WORLD -> feedProblem("a " + from.tier() + " contest feeds into nothing");
        };
    }

    private static List<Problem> districtFeedProblems(ContestScope from, ContestScope into, RegionTree regions) {
        Optional<RegionCode> parent = regions.find(from.region()).map(Region::parent);
        boolean parentCity = into.tier() == Tier.CITY && parent.filter(into.region()::equals).isPresent();
        return parentCity
                ? List.of()
                : feedProblem("a DISTRICT contest feeds into a CITY contest of the district's parent region");
    }

    private static List<Problem> feedProblem(String rule) {
        return List.of(new Problem("feedsInto", rule));
    }
}
