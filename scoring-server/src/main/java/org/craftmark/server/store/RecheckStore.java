package org.craftmark.server.store;

import org.craftmark.core.recheck.RecheckItem;
import org.craftmark.core.recheck.RecheckOutcome;
import org.craftmark.core.recheck.RecheckReason;
import org.jooq.DSLContext;
import org.jooq.Record;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.craftmark.server.store.schema.Tables.ENTRIES;
import static org.craftmark.server.store.schema.Tables.RECHECKS;
import static org.craftmark.server.store.schema.Tables.RECHECK_ITEMS;

/** Rechecks (复核) of an event: the entries picked, with the seed of the draw, and the chief's outcomes. */
public final class RecheckStore {

    /** A recheck with its items in the order they were picked. */
    public record StoredRecheck(long id, long eventId, long seed, long startedBy, Instant startedAt, List<StoredItem> items) {
        public List<RecheckItem> ruleItems() {
            return items.stream().map(i -> new RecheckItem(i.why(), i.outcome())).toList();
        }

        public Optional<StoredItem> item(long entryId) {
            return items.stream().filter(i -> i.entryId() == entryId).findFirst();
        }
    }

    /** One picked entry; outcome, note, recordedBy and recordedAt are null until the chief records it. */
    public record StoredItem(long entryId, String bib, RecheckReason why, RecheckOutcome outcome, String note,
                             Long recordedBy, Instant recordedAt) {
    }

    /** An entry to recheck, and why. */
    public record NewItem(long entryId, RecheckReason why) {
    }

    private final DSLContext dsl;

    public RecheckStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    public long insert(long eventId, long seed, long startedBy, List<NewItem> items, Instant now) {
        long id = dsl.insertInto(RECHECKS)
                .set(RECHECKS.EVENT_ID, eventId)
                .set(RECHECKS.SAMPLE_SEED, seed)
                .set(RECHECKS.STARTED_BY, startedBy)
                .set(RECHECKS.STARTED_AT, now.toEpochMilli())
                .returningResult(RECHECKS.ID)
                .fetchSingle()
                .value1();
        if (!items.isEmpty()) {
            var insert = dsl.insertInto(RECHECK_ITEMS, RECHECK_ITEMS.RECHECK_ID, RECHECK_ITEMS.ENTRY_ID, RECHECK_ITEMS.POSITION,
                    RECHECK_ITEMS.WHY);
            for (int i = 0; i < items.size(); i++) {
                insert = insert.values(id, items.get(i).entryId(), i, items.get(i).why().name());
            }
            insert.execute();
        }
        return id;
    }

    public Optional<StoredRecheck> find(long id) {
        return dsl.selectFrom(RECHECKS).where(RECHECKS.ID.eq(id)).fetchOptional().map(this::withItems);
    }

    /** The event's most recent recheck, finished or not. */
    public Optional<StoredRecheck> latestOfEvent(long eventId) {
        return dsl.selectFrom(RECHECKS)
                .where(RECHECKS.EVENT_ID.eq(eventId))
                .orderBy(RECHECKS.ID.desc())
                .limit(1)
                .fetchOptional()
                .map(this::withItems);
    }

    public void recordOutcome(long recheckId, long entryId, RecheckOutcome outcome, String note, long recordedBy, Instant now) {
        dsl.update(RECHECK_ITEMS)
                .set(RECHECK_ITEMS.OUTCOME, outcome.name())
                .set(RECHECK_ITEMS.NOTE, note)
                .set(RECHECK_ITEMS.RECORDED_BY, recordedBy)
                .set(RECHECK_ITEMS.RECORDED_AT, now.toEpochMilli())
                .where(RECHECK_ITEMS.RECHECK_ID.eq(recheckId))
                .and(RECHECK_ITEMS.ENTRY_ID.eq(entryId))
                .execute();
    }

    private StoredRecheck withItems(Record r) {
        long id = r.get(RECHECKS.ID);
        List<StoredItem> items = dsl.select(RECHECK_ITEMS.ENTRY_ID, ENTRIES.BIB, RECHECK_ITEMS.WHY, RECHECK_ITEMS.OUTCOME,
                        RECHECK_ITEMS.NOTE, RECHECK_ITEMS.RECORDED_BY, RECHECK_ITEMS.RECORDED_AT)
                .from(RECHECK_ITEMS)
                .join(ENTRIES).on(ENTRIES.ID.eq(RECHECK_ITEMS.ENTRY_ID))
                .where(RECHECK_ITEMS.RECHECK_ID.eq(id))
                .orderBy(RECHECK_ITEMS.POSITION)
                .fetch(i -> new StoredItem(i.value1(), i.value2(), RecheckReason.valueOf(i.value3()),
                        i.value4() == null ? null : RecheckOutcome.valueOf(i.value4()), i.value5(), i.value6(),
                        i.value7() == null ? null : Instant.ofEpochMilli(i.value7())));
        return new StoredRecheck(id, r.get(RECHECKS.EVENT_ID), r.get(RECHECKS.SAMPLE_SEED), r.get(RECHECKS.STARTED_BY),
                Instant.ofEpochMilli(r.get(RECHECKS.STARTED_AT)), items);
    }
}
