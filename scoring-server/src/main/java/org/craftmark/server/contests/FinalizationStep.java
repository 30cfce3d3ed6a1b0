package org.craftmark.server.contests;

import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.store.ContestStore.StoredContest;
import org.craftmark.server.store.Stores;

import java.time.Instant;

/**
 * Work that belongs to the move to FINAL and runs in its transaction — entitlements and
 * certificates — so a contest is FINAL with all of it or with none of it.
 */
@FunctionalInterface
public interface FinalizationStep {
    /** @param contest the contest as it was just before becoming FINAL (PUBLISHED, with its results version) */
    void contestFinal(Stores tx, SignedInUser actor, StoredContest contest, Instant at);
}
