package org.craftmark.core.recheck;

/** Why an entry is in a recheck (复核). */
public enum RecheckReason {
    /** Ranked within the policy's top ranks (the top 10 by default): every one of them is rechecked. */
    TOP_10,
    /** Drawn at random, with the recheck's seed, from the other ranked entries. */
    SAMPLE
}
