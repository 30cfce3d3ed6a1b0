package org.craftmark.core.awards;

/** Why a person who qualified for a level got none. */
public enum LevelReason {
    /** They already hold the level the rule would give (and its escalation, if any). */
    ALREADY_HOLDS_LEVEL,
    /** They were promoted by a contest earlier in the same calendar year: one promotion a year. */
    ALREADY_PROMOTED_THIS_YEAR
}
