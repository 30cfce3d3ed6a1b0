package org.craftmark.server.marking;

import org.craftmark.server.audit.AuditLog;
import org.craftmark.server.http.ApiException;
import org.craftmark.server.store.ContestStore.StoredContest;
import org.craftmark.server.store.EntryStore.StoredEntry;
import org.craftmark.server.store.EventStore.StoredEvent;
import org.craftmark.server.store.PanelStore.PanelSeat;
import org.craftmark.server.store.Stores;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the marks of one group commit are checked against, read once per transaction rather than
 * once per mark: the event (locked on first use and held to commit, so a chief's lock cannot slip in
 * between), its contest, entries and seats. Also collects the group's audit entries, appended together.
 */
final class TransactionMemo {
    private final Stores tx;
    private final Map<Long, StoredEvent> events = new HashMap<>();
    private final Map<Long, StoredContest> contests = new HashMap<>();
    private final Map<Long, Optional<StoredEntry>> entries = new HashMap<>();
    private final Map<String, Optional<PanelSeat>> seats = new HashMap<>();
    private final List<AuditLog.Change> audit = new ArrayList<>();

    TransactionMemo(Stores tx) {
        this.tx = tx;
    }

    Stores tx() {
        return tx;
    }

    StoredEvent lockedEvent(long eventId) {
        StoredEvent event = events.get(eventId);
        if (event == null) {
            event = tx.events().findForUpdate(eventId).orElseThrow(() -> ApiException.notFound("Event " + eventId));
            events.put(eventId, event);
        }
        return event;
    }

    StoredContest contest(long contestId) {
        return contests.computeIfAbsent(contestId, id -> tx.contests().find(id).orElseThrow());
    }

    Optional<StoredEntry> entry(long entryId) {
        return entries.computeIfAbsent(entryId, id -> tx.entries().find(id));
    }

    Optional<PanelSeat> seat(long eventId, long judgeId) {
        return seats.computeIfAbsent(eventId + "/" + judgeId, k -> tx.panels().seatOf(eventId, judgeId));
    }

    void audit(AuditLog.Change change) {
        audit.add(change);
    }

    List<AuditLog.Change> auditChanges() {
        return audit;
    }
}
