package org.craftmark.core.pipeline;

import java.util.Objects;
import org.craftmark.core.contest.Group;
import org.craftmark.core.contest.Mode;

/** What makes an event the "same" event in the next tier: occupation code, group and mode. */
public record EventKey(String occupationCode, Group group, Mode mode) {
    public EventKey {
        Objects.requireNonNull(occupationCode, "occupationCode");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(mode, "mode");
    }
}
