package org.craftmark.server.chief;

import org.craftmark.core.common.Problem;
import org.craftmark.core.recheck.RecheckPolicy;
import org.craftmark.core.recheck.RecheckTally;
import org.craftmark.server.store.RecheckStore.StoredRecheck;

/** A recheck with where it stands under the policy (finished, full recheck required). */
public record RecheckView(StoredRecheck recheck, RecheckTally tally) {

    static RecheckView of(StoredRecheck recheck, RecheckPolicy policy) {
        return new RecheckView(recheck, policy.tally(recheck.ruleItems()));
    }

    /** What an unfinished recheck holds up: {@code recheck 5} → {@code 3 of 14 items without an outcome}. */
    Problem unfinished() {
        return new Problem("recheck " + recheck.id(), (tally.items() - tally.recorded()) + " of " + tally.items()
                + " items without an outcome");
    }
}
