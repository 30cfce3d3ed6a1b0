package org.craftmark.core.awards;

import java.util.Objects;
import org.craftmark.core.pipeline.RegionCode;

/**
 * What one paying region pays on one person's row, in whole yuan: the person's share of the entry's
 * award, and the unit award when this is the row that carries it.
 */
public record Award(RegionCode payerRegionCode, long individual, long unit) {
    public Award {
        Objects.requireNonNull(payerRegionCode, "payerRegionCode");
    }
}
