package org.craftmark.server.results;

import org.craftmark.server.store.ContestStore.StoredContest;
import org.craftmark.server.store.Stores;

import java.util.List;

/**
 * What was published is what counts after publication: finalization, advancement, entitlements and a
 * person's history read the rows of the contest's newest results version, never the live board.
 */
public final class PublishedResults {
    private PublishedResults() {
    }

    /** The event's rows in the contest's newest results version; empty before publication. */
    public static List<BoardRow> latest(Stores stores, StoredContest contest, long eventId) {
        if (contest.resultsVersion() == 0) {
            return List.of();
        }
        return stores.published().find(eventId, contest.resultsVersion())
                .map(published -> ResultsJson.parseRows(published.rowsJson()))
                .orElse(List.of());
    }
}
