package org.craftmark.server.results;

import org.craftmark.core.marking.Panel;
import org.craftmark.server.store.MarkStore.StoredMark;
import org.craftmark.server.store.Stores;

import java.util.List;

/**
 * The current marks that count ({@link Panel#counts}): a judge's marks stop counting when the judge
 * is taken off the criterion or the panel, though history keeps them. Every reader of results —
 * boards, lock checks, progress, discrepancies, leniency — reads marks through here.
 */
public final class CountingMarks {
    private CountingMarks() {
    }

    public static List<StoredMark> ofEvent(Stores stores, long eventId) {
        return counting(stores.panels().panel(eventId), stores.marks().currentOfEvent(eventId));
    }

    /** The counting current marks of one entry and criterion. */
    public static List<StoredMark> of(Stores stores, long eventId, long entryId, String criterion) {
        return counting(stores.panels().panel(eventId), stores.marks().current(entryId, criterion));
    }

    static List<StoredMark> counting(Panel panel, List<StoredMark> marks) {
        return marks.stream().filter(m -> panel.counts(m.judgeUserId(), m.criterion())).toList();
    }
}
