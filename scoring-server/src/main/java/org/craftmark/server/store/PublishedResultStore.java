package org.craftmark.server.store;

import org.craftmark.server.store.schema.tables.records.PublishedResultsRecord;
import org.jooq.DSLContext;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.craftmark.server.store.schema.Tables.PUBLISHED_RESULTS;

/** Published leaderboards, one frozen version per publication. The rows are kept as the JSON shown. */
public final class PublishedResultStore {

    /** One event's leaderboard as published in one version. */
    public record PublishedResult(long eventId, int version, long feedSeq, Instant publishedAt, String rowsJson) {
    }

    private final DSLContext dsl;

    public PublishedResultStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void insert(PublishedResult result) {
        dsl.insertInto(PUBLISHED_RESULTS)
                .set(PUBLISHED_RESULTS.EVENT_ID, result.eventId())
                .set(PUBLISHED_RESULTS.VERSION, result.version())
                .set(PUBLISHED_RESULTS.FEED_SEQ, result.feedSeq())
                .set(PUBLISHED_RESULTS.PUBLISHED_AT, result.publishedAt().toEpochMilli())
                .set(PUBLISHED_RESULTS.ROWS_JSON, result.rowsJson())
                .execute();
    }

    public Optional<PublishedResult> find(long eventId, int version) {
        return dsl.selectFrom(PUBLISHED_RESULTS)
                .where(PUBLISHED_RESULTS.EVENT_ID.eq(eventId)).and(PUBLISHED_RESULTS.VERSION.eq(version))
                .fetchOptional(PublishedResultStore::toResult);
    }

    /** Every version of the event's published results, oldest first. */
    public List<PublishedResult> versionsOf(long eventId) {
        return dsl.selectFrom(PUBLISHED_RESULTS)
                .where(PUBLISHED_RESULTS.EVENT_ID.eq(eventId))
                .orderBy(PUBLISHED_RESULTS.VERSION)
                .fetch(PublishedResultStore::toResult);
    }

    private static PublishedResult toResult(PublishedResultsRecord r) {
        return new PublishedResult(r.getEventId(), r.getVersion(), r.getFeedSeq(), Instant.ofEpochMilli(r.getPublishedAt()),
                r.getRowsJson());
    }
}
