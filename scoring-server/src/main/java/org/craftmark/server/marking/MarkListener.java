package org.craftmark.server.marking;

import org.craftmark.server.store.MarkStore.StoredMark;

import java.util.List;

/** Told about every mark after it is committed: live results and discrepancy pushes hang off this. */
public interface MarkListener {
    void markStored(StoredMark mark);

    /**
     * The accepted marks of one event from one group commit, in their order, before any of their
     * acks goes out. A listener that can take them together (one rescoring, one announcement)
     * overrides this; by default each is told alone.
     */
    default void marksStored(List<StoredMark> marksOfOneEvent) {
        marksOfOneEvent.forEach(this::markStored);
    }
}
