package org.craftmark.core.pipeline;

import org.craftmark.core.contest.Tier;

/** The level of a region: the nation, a CITY (province-level unit) or a DISTRICT within a city. */
public enum RegionLevel {
    NATION, CITY, DISTRICT;

    /** The level a region's parent must have, or null for the nation, which has no parent. */
    public RegionLevel parentLevel() {
        return switch (this) {
            case NATION -> null;
            case CITY -> NATION;
            case DISTRICT -> CITY;
        };
    }

    /** The region level a contest of {@code tier} is held at (NATIONAL and WORLD ↔ NATION). */
    public static RegionLevel of(Tier tier) {
        return switch (tier) {
            case DISTRICT -> DISTRICT;
            case CITY -> CITY;
            case NATIONAL, WORLD -> NATION;
        };
    }
}
