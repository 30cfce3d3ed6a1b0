package org.craftmark.core.pipeline;

import java.util.Objects;
import org.craftmark.core.contest.Tier;

/** Where a contest sits in the three-tier system: its tier and the region it is held in. */
public record ContestScope(Tier tier, RegionCode region) {
    public ContestScope {
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(region, "region");
    }
}
