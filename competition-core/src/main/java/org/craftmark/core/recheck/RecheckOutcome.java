package org.craftmark.core.recheck;

/** What the chief judge found when rechecking one entry. */
public enum RecheckOutcome {
    /** The marks stand. */
    CONFIRMED,
    /** A mark was wrong and has been corrected. */
    CORRECTED
}
