package org.craftmark.server.store;

import org.jooq.DSLContext;

import java.math.BigDecimal;
import java.util.List;

import static org.craftmark.server.store.schema.Tables.RECORDED_RESULTS;

/** Ranks recorded for an event whose contest was run elsewhere; they stand in for marks. */
public final class RecordedResultStore {

    /** One entry's recorded rank, and the total that system reported (null when none). */
    public record RecordedResult(long entryId, int rank, BigDecimal total) {
    }

    private final DSLContext dsl;

    public RecordedResultStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Replaces the event's recorded results with these. */
    public void replace(long eventId, List<RecordedResult> results) {
        dsl.deleteFrom(RECORDED_RESULTS).where(RECORDED_RESULTS.EVENT_ID.eq(eventId)).execute();
        var insert = dsl.insertInto(RECORDED_RESULTS, RECORDED_RESULTS.EVENT_ID, RECORDED_RESULTS.ENTRY_ID,
                RECORDED_RESULTS.ENTRY_RANK, RECORDED_RESULTS.TOTAL);
        for (RecordedResult result : results) {
            insert = insert.values(eventId, result.entryId(), result.rank(), result.total());
        }
        if (!results.isEmpty()) {
            insert.execute();
        }
    }

    public List<RecordedResult> ofEvent(long eventId) {
        return dsl.selectFrom(RECORDED_RESULTS)
                .where(RECORDED_RESULTS.EVENT_ID.eq(eventId))
                .orderBy(RECORDED_RESULTS.ENTRY_RANK, RECORDED_RESULTS.ENTRY_ID)
                .fetch(r -> new RecordedResult(r.getEntryId(), r.getEntryRank(), r.getTotal()));
    }
}
