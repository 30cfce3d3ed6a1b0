package org.craftmark.server.chief;

import org.craftmark.core.marking.Panel;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.http.ApiException;
import org.craftmark.server.store.ContestStore.StoredContest;
import org.craftmark.server.store.Database;
import org.craftmark.server.store.EntryStore.StoredEntry;
import org.craftmark.server.store.EventStore.StoredEvent;
import org.craftmark.server.store.MarkStore.StoredMark;
import org.craftmark.server.store.Stores;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every version of every mark of one entry, for the chief judge's corrections and for disagreements:
 * who gave what, when, which version is current and whether it counts. Nothing is ever deleted, so
 * this is the whole story of the entry's marks.
 */
public final class MarkHistory {
    /** One stored version, with its judge's name and whether it is the judge's current mark and counts. */
    public record Version(StoredMark mark, String judgeName, boolean current, boolean counts) {
    }

    /** The entry and its marks, oldest first. */
    public record EntryMarks(StoredEntry entry, List<Version> versions) {
    }

    private final Database db;

    public MarkHistory(Database db) {
        this.db = db;
    }

    /** The chief judge, the organizer in scope and ADMIN may read it. */
    public EntryMarks of(SignedInUser actor, long entryId) {
        Stores stores = db.stores();
        StoredEntry entry = stores.entries().find(entryId).orElseThrow(() -> ApiException.notFound("Entry " + entryId));
        StoredEvent event = stores.events().find(entry.eventId()).orElseThrow();
        StoredContest contest = stores.contests().find(event.contestId()).orElseThrow();
        ChiefAccess.requireChiefOrOrganizer(stores, actor, event, contest);
        List<StoredMark> history = stores.marks().historyOfEntry(entryId);
        Map<String, Integer> latest = new HashMap<>();
        history.forEach(m -> latest.merge(key(m), m.version(), Math::max));
        Panel panel = stores.panels().panel(event.id());
        Map<Long, String> names = new HashMap<>();
        List<Version> versions = history.stream().map(m -> new Version(m,
                names.computeIfAbsent(m.judgeUserId(), id -> stores.users().findById(id).map(MarkHistory::name).orElse("#" + id)),
                latest.get(key(m)) == m.version(),
                latest.get(key(m)) == m.version() && panel.counts(m.judgeUserId(), m.criterion()))).toList();
        return new EntryMarks(entry, versions);
    }

    private static String key(StoredMark m) {
        return m.criterion() + "/" + m.judgeUserId();
    }

    private static String name(SignedInUser user) {
        return user.displayName() == null || user.displayName().isBlank() ? user.username() : user.displayName();
    }
}
