package org.craftmark.core.pipeline;

import java.util.Objects;
import java.util.Set;
import org.craftmark.core.people.ResidentId;

/** An event of the fed contest, with the persons already entered in it. */
public record TargetEvent(long eventId, EventKey key, Set<ResidentId> entered) {
    public TargetEvent {
        Objects.requireNonNull(key, "key");
        entered = Set.copyOf(entered);
    }
}
