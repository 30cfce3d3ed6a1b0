package org.craftmark.core.awards;

import java.util.Objects;
import org.craftmark.core.contest.Group;
import org.craftmark.core.contest.Mode;

/**
 * What entitlements read about the event.
 *
 * @param teamSize the size of a TEAM event's teams; ignored for INDIVIDUAL events
 * @param rankedEntries N, the number of ranked entries, which decides EXCELLENCE prizes
 */
public record EventFacts(Group group, Mode mode, Integer teamSize, int rankedEntries) {
    public EventFacts {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(mode, "mode");
        Lineup.of(mode, teamSize); // rejects a TEAM event without a team size
        if (rankedEntries < 1) {
            throw new IllegalArgumentException("an event with results has at least one ranked entry");
        }
    }

    public Lineup lineup() {
        return Lineup.of(mode, teamSize);
    }
}
