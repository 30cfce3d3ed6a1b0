package org.craftmark.core.awards;

import org.craftmark.core.contest.Mode;

/** How many compete together in an entry, as far as the title rules care: alone, in two, or more. */
public enum Lineup {
    INDIVIDUAL, PAIR, LARGER_TEAM;

    /** The lineup of an event; a TEAM event's size must be given. */
    public static Lineup of(Mode mode, Integer teamSize) {
        if (mode == Mode.INDIVIDUAL) {
            return INDIVIDUAL;
        }
        if (teamSize == null || teamSize < 2) {
            throw new IllegalArgumentException("a TEAM event needs a teamSize of at least 2, got " + teamSize);
        }
        return teamSize == 2 ? PAIR : LARGER_TEAM;
    }
}
