package org.craftmark.server.store;

import org.jooq.DSLContext;
import org.jooq.Record;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.craftmark.server.store.schema.Tables.APPEALS;

/** Appeals (申诉) filed during the notice period, and how each was decided. */
public final class AppealStore {

    /** OPEN until the organizer decides: UPHELD (the event reopens for corrections) or REJECTED. */
    public enum AppealStatus { OPEN, UPHELD, REJECTED }

    /**
     * An appeal as stored. {@code note}, {@code resolvedBy} and {@code resolvedAt} are null while it
     * is OPEN; {@code correctedInVersion} is the results version that published an upheld appeal's
     * corrections (null until then).
     */
    public record StoredAppeal(long id, long contestId, long eventId, long entryId, String reason, AppealStatus status,
                               int disputedVersion, long filedBy, Instant filedAt, String note, Long resolvedBy,
                               Instant resolvedAt, Integer correctedInVersion) {
        /** Upheld, and its corrections not yet published: the event stays open for the chief judge. */
        public boolean awaitsRepublication() {
            return status == AppealStatus.UPHELD && correctedInVersion == null;
        }
    }

    /** What is needed to file an appeal. */
    public record NewAppeal(long contestId, long eventId, long entryId, String reason, int disputedVersion, long filedBy) {
    }

    private final DSLContext dsl;

    public AppealStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    public long insert(NewAppeal appeal, Instant now) {
        return dsl.insertInto(APPEALS)
                .set(APPEALS.CONTEST_ID, appeal.contestId())
                .set(APPEALS.EVENT_ID, appeal.eventId())
                .set(APPEALS.ENTRY_ID, appeal.entryId())
                .set(APPEALS.REASON, appeal.reason())
                .set(APPEALS.STATUS, AppealStatus.OPEN.name())
                .set(APPEALS.DISPUTED_VERSION, appeal.disputedVersion())
                .set(APPEALS.FILED_BY, appeal.filedBy())
                .set(APPEALS.FILED_AT, now.toEpochMilli())
                .returningResult(APPEALS.ID)
                .fetchSingle()
                .value1();
    }

    public Optional<StoredAppeal> find(long id) {
        return dsl.selectFrom(APPEALS).where(APPEALS.ID.eq(id)).fetchOptional(AppealStore::toAppeal);
    }

    /** The appeal, locked until the transaction ends, so two decisions cannot race. */
    public Optional<StoredAppeal> findForUpdate(long id) {
        return dsl.selectFrom(APPEALS).where(APPEALS.ID.eq(id)).forUpdate().fetchOptional(AppealStore::toAppeal);
    }

    public List<StoredAppeal> ofContest(long contestId) {
        return dsl.selectFrom(APPEALS).where(APPEALS.CONTEST_ID.eq(contestId)).orderBy(APPEALS.ID).fetch(AppealStore::toAppeal);
    }

    public List<StoredAppeal> ofEvent(long eventId) {
        return dsl.selectFrom(APPEALS).where(APPEALS.EVENT_ID.eq(eventId)).orderBy(APPEALS.ID).fetch(AppealStore::toAppeal);
    }

    public void resolve(long id, AppealStatus decision, String note, long resolvedBy, Instant now) {
        dsl.update(APPEALS)
                .set(APPEALS.STATUS, decision.name())
                .set(APPEALS.NOTE, note)
                .set(APPEALS.RESOLVED_BY, resolvedBy)
                .set(APPEALS.RESOLVED_AT, now.toEpochMilli())
                .where(APPEALS.ID.eq(id))
                .execute();
    }

    /** Upheld appeals of the contest whose corrections this results version publishes. */
    public void markCorrectedIn(long contestId, int version) {
        dsl.update(APPEALS)
                .set(APPEALS.CORRECTED_IN_VERSION, version)
                .where(APPEALS.CONTEST_ID.eq(contestId))
                .and(APPEALS.STATUS.eq(AppealStatus.UPHELD.name()))
                .and(APPEALS.CORRECTED_IN_VERSION.isNull())
                .execute();
    }

    private static StoredAppeal toAppeal(Record r) {
        return new StoredAppeal(r.get(APPEALS.ID), r.get(APPEALS.CONTEST_ID), r.get(APPEALS.EVENT_ID), r.get(APPEALS.ENTRY_ID),
                r.get(APPEALS.REASON), AppealStatus.valueOf(r.get(APPEALS.STATUS)), r.get(APPEALS.DISPUTED_VERSION),
                r.get(APPEALS.FILED_BY), Instant.ofEpochMilli(r.get(APPEALS.FILED_AT)), r.get(APPEALS.NOTE),
                r.get(APPEALS.RESOLVED_BY), ContestStore.instant(r.get(APPEALS.RESOLVED_AT)), r.get(APPEALS.CORRECTED_IN_VERSION));
    }
}
