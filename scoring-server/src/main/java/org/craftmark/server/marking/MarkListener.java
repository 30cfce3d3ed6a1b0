package org.craftmark.server.marking;

import org.craftmark.server.store.MarkStore.StoredMark;

/** Told about every mark after it is committed: live results and discrepancy pushes hang off this. */
public interface MarkListener {
    void markStored(StoredMark mark);
}
