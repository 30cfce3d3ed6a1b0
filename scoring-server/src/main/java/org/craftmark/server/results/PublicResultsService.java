package org.craftmark.server.results;

import org.craftmark.core.people.NameMask;
import org.craftmark.core.pipeline.ContestStatus;
import org.craftmark.server.http.ApiException;
import org.craftmark.server.store.ContestStore.StoredContest;
import org.craftmark.server.store.Database;
import org.craftmark.server.store.EntryStore.StoredEntry;
import org.craftmark.server.store.EventStore.StoredEvent;
import org.craftmark.server.store.PublishedResultStore.PublishedResult;
import org.craftmark.server.store.Stores;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The 公示 of a contest for anyone: every event's published results in one results version, with
 * names masked as the rulebook says (张伟 → 张*), the unit, total, rank and prize — never an ID
 * number. Before publication there is nothing to show (403 RESULTS_NOT_PUBLISHED).
 */
public final class PublicResultsService {

    /** A published row as the public sees it; {@code members} are the masked names of a team's members. */
    public record PublicRow(Integer rank, String bib, String name, List<String> members, String unit, BoardRow row) {
    }

    public record PublicEvent(StoredEvent event, Instant publishedAt, List<PublicRow> rows) {
    }

    /** @param noticeRunning whether appeals are still taken, by the server's clock */
    public record PublicResults(StoredContest contest, int version, boolean noticeRunning, List<PublicEvent> events) {
    }

    private final Database db;
    private final Clock clock;

    public PublicResultsService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** @param version null for the newest */
    public PublicResults of(long contestId, Integer version) {
        Stores stores = db.stores();
        StoredContest contest = stores.contests().find(contestId).orElseThrow(() -> ApiException.notFound("Contest " + contestId));
        if (!ResultsService.isPublished(contest)) {
            throw ApiException.resultsNotPublished();
        }
        int shown = version == null ? contest.resultsVersion() : version;
        if (shown < 1 || shown > contest.resultsVersion()) {
            throw ApiException.notFound("Results version " + shown + " of contest " + contestId);
        }
        List<PublicEvent> events = new ArrayList<>();
        for (StoredEvent event : stores.events().ofContest(contestId)) {
            stores.published().find(event.id(), shown).ifPresent(published -> events.add(publicEvent(stores, event, published)));
        }
        boolean noticeRunning = contest.status() == ContestStatus.PUBLISHED && clock.instant().isBefore(contest.noticeEndsAt());
        return new PublicResults(contest, shown, noticeRunning, events);
    }

    private static PublicEvent publicEvent(Stores stores, StoredEvent event, PublishedResult published) {
        Map<Long, StoredEntry> entries = new HashMap<>();
        stores.entries().ofEvent(event.id()).forEach(e -> entries.put(e.id(), e));
        List<PublicRow> rows = ResultsJson.parseRows(published.rowsJson()).stream()
                .map(row -> publicRow(row, entries.get(row.entryId())))
                .toList();
        return new PublicEvent(event, published.publishedAt(), rows);
    }

    private static PublicRow publicRow(BoardRow row, StoredEntry entry) {
        List<String> members = entry.members().stream().map(m -> NameMask.mask(m.name())).toList();
        String name = entry.teamName() != null ? entry.teamName() : members.isEmpty() ? "" : members.getFirst();
        return new PublicRow(row.rank(), row.bib(), name, entry.teamName() != null ? members : List.of(), row.unit(), row);
    }
}
