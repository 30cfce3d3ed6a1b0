package org.craftmark.core.pipeline;

/** Why advancement left something out. */
public enum SkipReason {
    /** The fed contest has no event with the same occupation code, group and mode. */
    NO_MATCHING_EVENT,
    /** A competitor of the entry is already entered in the target event; no one is entered twice. */
    ALREADY_ENTERED,
    /** The source event sets no advancement quota: it sends nobody on. */
    NO_QUOTA,
    /** Ranked within the quota, but the total is below the event's minimum score. */
    BELOW_MIN_SCORE,
    /** The target event already has an entry with the bib the advanced entry would get. */
    BIB_TAKEN,
    /** The target event's teams have another size than the source entry's team. */
    TEAM_SIZE_DIFFERS
}
