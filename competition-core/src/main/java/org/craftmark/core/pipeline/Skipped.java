package org.craftmark.core.pipeline;

import java.util.Objects;

/**
 * Something advancement left out.
 *
 * @param sourceEntryId null when the whole source event was skipped ({@link SkipReason#NO_MATCHING_EVENT})
 */
public record Skipped(long sourceEventId, Long sourceEntryId, SkipReason reason) {
    public Skipped {
        Objects.requireNonNull(reason, "reason");
    }
}
