package org.craftmark.server.chief;

import org.craftmark.server.store.Stores;

/**
 * Where appeals (申诉) plug into the chief judge's tools. The contract lets the chief unlock and
 * correct an event of a PUBLISHED contest when an appeal on that event was upheld; until appeals are
 * built, {@link #NONE} answers no, so unlocking and corrections are for RUNNING contests only.
 * The appeals service implements this (reading its own store in {@code tx}) and is handed to
 * {@link ChiefService}'s constructor in {@code Craftmark}.
 */
@FunctionalInterface
public interface UpheldAppeals {
    /** No appeals yet: a PUBLISHED event never reopens. */
    UpheldAppeals NONE = (tx, eventId) -> false;

    /** True when an appeal on this event was upheld and its corrections are not yet published. */
    boolean reopen(Stores tx, long eventId);
}
