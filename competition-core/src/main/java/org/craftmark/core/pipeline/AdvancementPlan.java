package org.craftmark.core.pipeline;

import java.util.List;

/** The entries advancement creates, in source event then rank order, and what it skipped. */
public record AdvancementPlan(List<AdvancingEntry> advancing, List<Skipped> skipped) {
    public AdvancementPlan {
        advancing = List.copyOf(advancing);
        skipped = List.copyOf(skipped);
    }
}
