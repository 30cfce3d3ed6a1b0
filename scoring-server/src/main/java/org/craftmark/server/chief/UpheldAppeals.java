package org.craftmark.server.chief;

import org.craftmark.server.store.Stores;

/**
 * Where appeals (申诉) widen what may change after publication: while an appeal on an event was
 * upheld and its corrections are not yet republished, the chief judge may unlock, correct and
 * re-lock that event, and its entries' status and time may change, although the contest is
 * PUBLISHED. Implemented by {@code appeals.AppealService} (reading its own store in {@code tx}).
 */
@FunctionalInterface
public interface UpheldAppeals {
    /** For tests and tools without appeals: a PUBLISHED event never reopens. */
    UpheldAppeals NONE = (tx, eventId) -> false;

    /** True when an appeal on this event was upheld and its corrections are not yet published. */
    boolean reopen(Stores tx, long eventId);
}
