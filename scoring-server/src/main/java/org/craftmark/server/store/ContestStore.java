package org.craftmark.server.store;

import org.craftmark.core.contest.Category;
import org.craftmark.core.contest.Tier;
import org.craftmark.core.pipeline.ContestStatus;
import org.craftmark.core.pipeline.RegionCode;
import org.jooq.DSLContext;
import org.jooq.Record;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.craftmark.server.store.schema.Tables.CONTESTS;

/** Contests: one edition at one tier in one region. */
public final class ContestStore {

    /** Who may see a contest's live marks: everyone, or nobody until publication. */
    public enum Visibility { LIVE, ON_PUBLISH }

    /** A contest as stored. */
    public record StoredContest(long id, String name, int year, Tier tier, RegionCode region, Category category,
                                Long feedsInto, Visibility visibility, int noticeDays, ContestStatus status,
                                Instant publishedAt, Instant noticeEndsAt, int resultsVersion, Instant finalizedAt,
                                Instant advancedAt) {
    }

    /** What is needed to create a contest; it starts in DRAFT. */
    public record NewContest(String name, int year, Tier tier, RegionCode region, Category category,
                             Long feedsInto, Visibility visibility, int noticeDays) {
    }

    private final DSLContext dsl;

    public ContestStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    public long insert(NewContest contest, Instant now) {
        return dsl.insertInto(CONTESTS)
                .set(CONTESTS.NAME, contest.name())
                .set(CONTESTS.CONTEST_YEAR, contest.year())
                .set(CONTESTS.TIER, contest.tier().name())
                .set(CONTESTS.REGION_CODE, contest.region().value())
                .set(CONTESTS.CATEGORY, contest.category().name())
                .set(CONTESTS.FEEDS_INTO, contest.feedsInto())
                .set(CONTESTS.VISIBILITY, contest.visibility().name())
                .set(CONTESTS.NOTICE_DAYS, contest.noticeDays())
                .set(CONTESTS.STATUS, ContestStatus.DRAFT.name())
                .set(CONTESTS.CREATED_AT, now.toEpochMilli())
                .returningResult(CONTESTS.ID)
                .fetchSingle()
                .value1();
    }

    public Optional<StoredContest> find(long id) {
        return dsl.selectFrom(CONTESTS).where(CONTESTS.ID.eq(id)).fetchOptional(ContestStore::toContest);
    }

    /** The contest, locked until the transaction ends, so lifecycle moves do not race. */
    public Optional<StoredContest> findForUpdate(long id) {
        return dsl.selectFrom(CONTESTS).where(CONTESTS.ID.eq(id)).forUpdate().fetchOptional(ContestStore::toContest);
    }

    public List<StoredContest> all() {
        return dsl.selectFrom(CONTESTS).orderBy(CONTESTS.CONTEST_YEAR.desc(), CONTESTS.ID).fetch(ContestStore::toContest);
    }

    public void updateStatus(long id, ContestStatus status) {
        dsl.update(CONTESTS).set(CONTESTS.STATUS, status.name()).where(CONTESTS.ID.eq(id)).execute();
        EventRevision.bumpContest(dsl, id);
    }

    /** Publication: the status, when, the end of the notice period and the results version. */
    public void markPublished(long id, Instant publishedAt, Instant noticeEndsAt, int resultsVersion) {
        dsl.update(CONTESTS)
                .set(CONTESTS.STATUS, ContestStatus.PUBLISHED.name())
                .set(CONTESTS.PUBLISHED_AT, publishedAt.toEpochMilli())
                .set(CONTESTS.NOTICE_ENDS_AT, noticeEndsAt.toEpochMilli())
                .set(CONTESTS.RESULTS_VERSION, resultsVersion)
                .where(CONTESTS.ID.eq(id))
                .execute();
        EventRevision.bumpContest(dsl, id);
    }

    /** A new results version after corrections (an upheld appeal); the notice period stays as it was. */
    public void markRepublished(long id, int resultsVersion) {
        dsl.update(CONTESTS).set(CONTESTS.RESULTS_VERSION, resultsVersion).where(CONTESTS.ID.eq(id)).execute();
    }

    public void markFinal(long id, Instant at) {
        dsl.update(CONTESTS)
                .set(CONTESTS.STATUS, ContestStatus.FINAL.name())
                .set(CONTESTS.FINALIZED_AT, at.toEpochMilli())
                .where(CONTESTS.ID.eq(id))
                .execute();
        EventRevision.bumpContest(dsl, id);
    }

    public void markAdvanced(long id, Instant at) {
        dsl.update(CONTESTS).set(CONTESTS.ADVANCED_AT, at.toEpochMilli()).where(CONTESTS.ID.eq(id)).execute();
    }

    static StoredContest toContest(Record r) {
        return new StoredContest(
                r.get(CONTESTS.ID),
                r.get(CONTESTS.NAME),
                r.get(CONTESTS.CONTEST_YEAR),
                Tier.valueOf(r.get(CONTESTS.TIER)),
                new RegionCode(r.get(CONTESTS.REGION_CODE)),
                Category.valueOf(r.get(CONTESTS.CATEGORY)),
                r.get(CONTESTS.FEEDS_INTO),
                Visibility.valueOf(r.get(CONTESTS.VISIBILITY)),
                r.get(CONTESTS.NOTICE_DAYS),
                ContestStatus.valueOf(r.get(CONTESTS.STATUS)),
                instant(r.get(CONTESTS.PUBLISHED_AT)),
                instant(r.get(CONTESTS.NOTICE_ENDS_AT)),
                r.get(CONTESTS.RESULTS_VERSION),
                instant(r.get(CONTESTS.FINALIZED_AT)),
                instant(r.get(CONTESTS.ADVANCED_AT)));
    }

    static Instant instant(Long epochMillis) {
        return epochMillis == null ? null : Instant.ofEpochMilli(epochMillis);
    }
}
