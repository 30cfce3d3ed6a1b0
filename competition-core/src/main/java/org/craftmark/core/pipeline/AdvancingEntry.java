package org.craftmark.core.pipeline;

import java.util.List;
import org.craftmark.core.people.ResidentId;

/**
 * A new entry to create in the target event: it copies the competitor(s), records its source entry
 * and rank, keeps the source entry's home region and gets bib {@code <sourceRegionCode>-<sourceBib>}.
 */
public record AdvancingEntry(long sourceEntryId, int sourceRank, long targetEventId, String bib,
                             RegionCode homeRegion, List<ResidentId> members) {
    public AdvancingEntry {
        members = List.copyOf(members);
    }
}
