package org.craftmark.core.awards;

import java.util.Objects;
import org.craftmark.core.contest.Category;
import org.craftmark.core.contest.Tier;

/**
 * What entitlements read about the contest.
 *
 * @param cityName the name of the city (province-level unit) the contest belongs to, e.g. 北京市, used
 *     in city titles ({@code 北京市技术能手})
 */
public record ContestFacts(Tier tier, Category category, String cityName) {
    public ContestFacts {
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(cityName, "cityName");
    }
}
