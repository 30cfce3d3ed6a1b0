package org.craftmark.core.recheck;

import java.util.Objects;

/** One entry chosen for a recheck, by bib, and why. */
public record RecheckPick(String bib, RecheckReason why) {
    public RecheckPick {
        Objects.requireNonNull(bib, "bib");
        Objects.requireNonNull(why, "why");
    }
}
