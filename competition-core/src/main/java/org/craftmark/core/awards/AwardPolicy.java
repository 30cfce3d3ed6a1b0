package org.craftmark.core.awards;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.craftmark.core.contest.Prize;
import org.craftmark.core.contest.Tier;
import org.craftmark.core.pipeline.RegionCode;
import org.craftmark.core.pipeline.RegionTree;

/**
 * A paying region's cash-award policy: per tier of the result, the amounts it pays. It pays every
 * medal-winning entry of a listed tier whose home region is the paying region or inside it, so a
 * district winner can be paid by both the district and its city.
 */
public record AwardPolicy(RegionCode payer, Map<Tier, AwardAmounts> tiers) {
    public AwardPolicy {
        Objects.requireNonNull(payer, "payer");
        tiers = Map.copyOf(tiers);
    }

    public Optional<AwardAmounts> amountsFor(Tier tier) {
        return Optional.ofNullable(tiers.get(tier));
    }

    /** Whether this policy pays an entry with this prize and home region, in a contest of this tier. */
    public boolean pays(Tier tier, Prize prize, RegionCode homeRegion, RegionTree regions) {
        return prize.isMedal()
                && tiers.containsKey(tier)
                && regions.isWithin(homeRegion, payer);
    }
}
