package org.craftmark.core.pipeline;

import java.util.Objects;
import java.util.Set;
import org.craftmark.core.people.ResidentId;

/**
 * An event of the fed contest, with what is already in it.
 *
 * @param entered      the persons already entered
 * @param bibs         the bibs already taken
 * @param advancedFrom source entries an earlier advancement already entered here (a repeat skips them
 *                     silently: they advanced, once)
 * @param teamSize     the size of its teams, or null for an individual event
 */
public record TargetEvent(long eventId, EventKey key, Set<ResidentId> entered, Set<String> bibs, Set<Long> advancedFrom,
                          Integer teamSize) {
    public TargetEvent {
        Objects.requireNonNull(key, "key");
        entered = Set.copyOf(entered);
        bibs = Set.copyOf(bibs);
        advancedFrom = Set.copyOf(advancedFrom);
    }

    /** An individual event with these persons entered and nothing advanced into it yet. */
    public TargetEvent(long eventId, EventKey key, Set<ResidentId> entered) {
        this(eventId, key, entered, Set.of(), Set.of(), null);
    }
}
