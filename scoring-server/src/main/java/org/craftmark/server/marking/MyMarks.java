package org.craftmark.server.marking;

import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.http.ApiException;
import org.craftmark.server.store.Database;
import org.craftmark.server.store.MarkStore.StoredMark;
import org.craftmark.server.store.Stores;

import java.util.List;

/**
 * What the server holds of one judge's marks on one event, so a fresh tablet (a new device, a
 * cleared browser) shows what was already marked. Reads only; marking itself is {@link MarkService}.
 */
public final class MyMarks {
    private final Database db;

    public MyMarks(Database db) {
        this.db = db;
    }

    /** The judge's current mark per entry and criterion; 403 unless the judge sits on the event's panel. */
    public List<StoredMark> of(SignedInUser judge, long eventId) {
        Stores stores = db.stores();
        stores.events().find(eventId).orElseThrow(() -> ApiException.notFound("Event " + eventId));
        if (stores.panels().seatOf(eventId, judge.id()).isEmpty()) {
            throw ApiException.forbidden("Only the judges of event " + eventId + "'s panel read their marks on it.");
        }
        return stores.marks().currentOfJudge(eventId, judge.id());
    }
}
