package org.craftmark.server.store;

import org.jooq.DSLContext;

import static org.craftmark.server.store.schema.Tables.EVENTS;

/**
 * Moves an event's {@code revision} (see the V23 migration): every store method that changes what a
 * mark is checked against calls this in the same transaction, so a node holding that state in
 * memory sees, when it next locks the event row, that its copy is stale. Updating the row also
 * waits for a mark group holding it, so a change and a group never overlap. Call it before the
 * change's own writes: a child row's insert takes a foreign-key share lock on the event row, and
 * two transactions each holding that share lock deadlock when both then update the row.
 */
final class EventRevision {
    private EventRevision() {
    }

    static void bump(DSLContext dsl, long eventId) {
        dsl.update(EVENTS).set(EVENTS.REVISION, EVENTS.REVISION.plus(1)).where(EVENTS.ID.eq(eventId)).execute();
    }

    /** A contest's status is checked by the marks of all its events. */
    static void bumpContest(DSLContext dsl, long contestId) {
        dsl.update(EVENTS).set(EVENTS.REVISION, EVENTS.REVISION.plus(1)).where(EVENTS.CONTEST_ID.eq(contestId)).execute();
    }
}
