package org.craftmark.core.pipeline;

/** Why advancement left something out. */
public enum SkipReason {
    /** The fed contest has no event with the same occupation code, group and mode. */
    NO_MATCHING_EVENT,
    /** A competitor of the entry is already entered in the target event; no one is entered twice. */
    ALREADY_ENTERED
}
