package org.craftmark.core.contest;

/** An entry's standing in its event: only ACTIVE entries are ranked. */
public enum EntryStatus {
    ACTIVE,
    /** did not start (缺考) */
    DNS,
    /** disqualified (取消资格) */
    DQ
}
