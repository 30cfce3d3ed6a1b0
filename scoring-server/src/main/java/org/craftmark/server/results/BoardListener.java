package org.craftmark.server.results;

/**
 * Told of every leaderboard change, in order per event (called while the event's board is held, so
 * it must not block: note it and return).
 */
public interface BoardListener {
    /**
     * @param boardSeq the board's change counter after this change
     * @param fromMark true for a judge's mark (may be coalesced with others); false for rarer changes
     *                 (status, time, corrections, locks) that must show at once
     */
    void boardChanged(long eventId, long boardSeq, boolean fromMark);
}
