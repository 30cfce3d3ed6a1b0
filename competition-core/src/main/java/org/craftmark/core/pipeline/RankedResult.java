package org.craftmark.core.pipeline;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.craftmark.core.contest.EntryStatus;
import org.craftmark.core.people.ResidentId;

/**
 * One entry's final result in a source event, as advancement reads it.
 *
 * @param rank null for DQ and DNS entries, which are not ranked
 * @param total null when not known (results recorded without a total): then no minimum score is met
 * @param homeRegion the entry's home region, which an advanced entry keeps
 * @param members the competitor(s), one for an individual entry
 */
public record RankedResult(long entryId, String bib, Integer rank, BigDecimal total, EntryStatus status,
                           RegionCode homeRegion, List<ResidentId> members) {
    public RankedResult {
        Objects.requireNonNull(bib, "bib");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(homeRegion, "homeRegion");
        members = List.copyOf(members);
    }
}
