package org.craftmark.core.ranking;

import java.util.Objects;
import org.craftmark.core.contest.EntryStatus;
import org.craftmark.core.marking.EntryScore;

/**
 * What ranking needs to know about one entry of an event.
 *
 * @param bib               the entry's bib (工位号), unique in the event
 * @param completionSeconds the completion time used by the TIME tie-break; null when none is recorded
 */
public record ScoredEntry(String bib, EntryStatus status, Integer completionSeconds, EntryScore score) {
    public ScoredEntry {
        Objects.requireNonNull(bib, "bib");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(score, "score");
    }

    public boolean isActive() {
        return status == EntryStatus.ACTIVE;
    }
}
