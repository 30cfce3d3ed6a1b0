package org.craftmark.core.awards;

import java.util.List;
import java.util.Objects;
import org.craftmark.core.pipeline.RegionCode;

/**
 * A ranked entry of an event: its rank, its home region (the contest's region, or its source entry's
 * when it was created by advancement) and its members, the first member first.
 */
public record RankedEntry(long entryId, int rank, RegionCode homeRegion, List<Member> members) {
    public RankedEntry {
        Objects.requireNonNull(homeRegion, "homeRegion");
        members = List.copyOf(members);
        if (members.isEmpty()) {
            throw new IllegalArgumentException("an entry has at least one member");
        }
    }
}
