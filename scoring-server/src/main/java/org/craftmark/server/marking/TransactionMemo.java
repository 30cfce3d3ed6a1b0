package org.craftmark.server.marking;

import org.craftmark.server.audit.AuditLog;
import org.craftmark.server.http.ApiException;
import org.craftmark.server.marking.EventStateCache.EventState;
import org.craftmark.server.store.EventStore.LockedEvent;
import org.craftmark.server.store.Stores;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One group commit's view of its events: their rows locked together first (held to commit, so a
 * chief's lock on any node cannot slip in between), then each event's state from the cache, current
 * as of the revision just read. Also collects the group's audit entries, appended together.
 */
final class TransactionMemo {
    private final Stores tx;
    private final EventStateCache cache;
    private final Map<Long, LockedEvent> locked = new HashMap<>();
    private final Map<Long, EventState> states = new HashMap<>();
    private final List<AuditLog.Change> audit = new ArrayList<>();

    TransactionMemo(Stores tx, EventStateCache cache) {
        this.tx = tx;
        this.cache = cache;
    }

    Stores tx() {
        return tx;
    }

    /** Locks the events in one statement. Must come before any other read of the transaction (see the cache). */
    void lock(Collection<Long> eventIds) {
        locked.putAll(tx.events().lockAll(eventIds));
    }

    /** The locked row: its lock flag is this transaction's, never a cached one. */
    LockedEvent lockedEvent(long eventId) {
        LockedEvent row = locked.get(eventId);
        if (row == null) {
            throw ApiException.notFound("Event " + eventId);
        }
        return row;
    }

    EventState state(long eventId) {
        LockedEvent row = lockedEvent(eventId);
        return states.computeIfAbsent(eventId, id -> cache.stateOf(tx, row));
    }

    void audit(AuditLog.Change change) {
        audit.add(change);
    }

    List<AuditLog.Change> auditChanges() {
        return audit;
    }
}
