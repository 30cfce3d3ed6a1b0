package org.craftmark.core.recheck;

import java.util.Objects;

/** An item of a recheck as far as the rules care: why it was picked and its outcome (null until recorded). */
public record RecheckItem(RecheckReason why, RecheckOutcome outcome) {
    public RecheckItem {
        Objects.requireNonNull(why, "why");
    }

    public boolean recorded() {
        return outcome != null;
    }
}
