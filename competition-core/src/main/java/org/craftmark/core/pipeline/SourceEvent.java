package org.craftmark.core.pipeline;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * An event of a FINAL contest whose winners advance.
 *
 * @param advanceQuota entries ranked at or above this rank advance; 0 advances nobody; null means the
 *     event sets no quota and is skipped ({@link SkipReason#NO_QUOTA})
 * @param advanceMinScore the lowest total that advances, or null for no minimum
 */
public record SourceEvent(long eventId, EventKey key, Integer advanceQuota, BigDecimal advanceMinScore,
                          List<RankedResult> results) {
    public SourceEvent {
        Objects.requireNonNull(key, "key");
        if (advanceQuota != null && advanceQuota < 0) {
            throw new IllegalArgumentException("advanceQuota must not be negative");
        }
        results = List.copyOf(results);
    }
}
