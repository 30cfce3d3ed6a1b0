package org.craftmark.core.pipeline;

import java.util.Objects;

/** An appeal as lifecycle messages name it: its number and the bib of the entry it is about. */
public record AppealRef(long id, String bib) {
    public AppealRef {
        Objects.requireNonNull(bib, "bib");
    }

    /** {@code A07 (#12)}. */
    @Override
    public String toString() {
        return bib + " (#" + id + ")";
    }
}
