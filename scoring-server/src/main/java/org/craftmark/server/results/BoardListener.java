package org.craftmark.server.results;

import java.util.List;

/**
 * Told of every leaderboard change, in seq order per event (called while the event's board is
 * held, so it must not block: queue and return).
 */
public interface BoardListener {
    void changed(long eventId, long seq, List<BoardRow> rows);
}
