package org.craftmark.server.store;

import org.craftmark.core.awards.Award;
import org.craftmark.core.contest.Prize;
import org.craftmark.core.contest.SkillLevel;
import org.craftmark.core.pipeline.RegionCode;
import org.craftmark.server.privacy.IdNumberVault;
import org.jooq.DSLContext;
import org.jooq.Record;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.craftmark.server.store.schema.Tables.CERTIFICATES;
import static org.craftmark.server.store.schema.Tables.ENTITLEMENTS;
import static org.craftmark.server.store.schema.Tables.ENTRIES;
import static org.craftmark.server.store.schema.Tables.PERSONS;
import static org.craftmark.server.store.schema.Tables.ENTITLEMENT_AWARDS;

/** Entitlement rows issued at FINAL, one per ranked person, and what each paying region pays on them. */
public final class EntitlementStore {

    /**
     * One ranked person's entitlements from one entry, with the awards of each paying region.
     *
     * @param unit the unit receiving the unit award, on the row that carries it; else null
     */
    public record Entitlement(long contestId, long eventId, long entryId, long personId, int memberPosition,
                              int contestYear, int resultsVersion, RegionCode homeRegion, int rank, BigDecimal total,
                              Prize prize, SkillLevel levelAwarded, String levelReason, String title,
                              long individualAward, long unitAward, String unit, List<Award> awards) {
        public Entitlement {
            awards = List.copyOf(awards);
        }
    }

    /** An entitlement row as stored. */
    public record StoredEntitlement(long id, Entitlement entitlement) {
    }

    /** A row with what a table of a contest's entitlements shows beside it. */
    public record Listed(StoredEntitlement row, String name, String idNumber, String bib, String certificateNo,
                         String certificateStatus) {
    }

    /** A level Craftmark awarded a person earlier, and the contest year it came with. */
    public record AwardedLevel(SkillLevel level, int year, long contestId) {
    }

    private final DSLContext dsl;
    private final IdNumberVault vault;

    public EntitlementStore(DSLContext dsl, IdNumberVault vault) {
        this.dsl = dsl;
        this.vault = vault;
    }

    public long insert(Entitlement e, Instant now) {
        long id = dsl.insertInto(ENTITLEMENTS)
                .set(ENTITLEMENTS.CONTEST_ID, e.contestId())
                .set(ENTITLEMENTS.EVENT_ID, e.eventId())
                .set(ENTITLEMENTS.ENTRY_ID, e.entryId())
                .set(ENTITLEMENTS.PERSON_ID, e.personId())
                .set(ENTITLEMENTS.MEMBER_POSITION, e.memberPosition())
                .set(ENTITLEMENTS.CONTEST_YEAR, e.contestYear())
                .set(ENTITLEMENTS.RESULTS_VERSION, e.resultsVersion())
                .set(ENTITLEMENTS.HOME_REGION_CODE, e.homeRegion().value())
                .set(ENTITLEMENTS.ENTRY_RANK, e.rank())
                .set(ENTITLEMENTS.ENTRY_TOTAL, e.total())
                .set(ENTITLEMENTS.PRIZE, e.prize() == null ? null : e.prize().name())
                .set(ENTITLEMENTS.LEVEL_AWARDED, e.levelAwarded() == null ? null : e.levelAwarded().name())
                .set(ENTITLEMENTS.LEVEL_REASON, e.levelReason())
                .set(ENTITLEMENTS.TITLE, e.title())
                .set(ENTITLEMENTS.INDIVIDUAL_AWARD, e.individualAward())
                .set(ENTITLEMENTS.UNIT_AWARD, e.unitAward())
                .set(ENTITLEMENTS.UNIT_NAME, e.unit())
                .set(ENTITLEMENTS.CREATED_AT, now.toEpochMilli())
                .returningResult(ENTITLEMENTS.ID)
                .fetchSingle()
                .value1();
        for (Award award : e.awards()) {
            dsl.insertInto(ENTITLEMENT_AWARDS)
                    .set(ENTITLEMENT_AWARDS.ENTITLEMENT_ID, id)
                    .set(ENTITLEMENT_AWARDS.PAYER_REGION_CODE, award.payerRegionCode().value())
                    .set(ENTITLEMENT_AWARDS.INDIVIDUAL, award.individual())
                    .set(ENTITLEMENT_AWARDS.UNIT_AMOUNT, award.unit())
                    .execute();
        }
        return id;
    }

    public Optional<StoredEntitlement> find(long id) {
        return withAwards(dsl.selectFrom(ENTITLEMENTS).where(ENTITLEMENTS.ID.eq(id)).fetch()).stream().findFirst();
    }

    public boolean existForContest(long contestId) {
        return dsl.fetchExists(ENTITLEMENTS, ENTITLEMENTS.CONTEST_ID.eq(contestId));
    }

    public List<StoredEntitlement> ofContest(long contestId) {
        return withAwards(dsl.selectFrom(ENTITLEMENTS).where(ENTITLEMENTS.CONTEST_ID.eq(contestId))
                .orderBy(ENTITLEMENTS.EVENT_ID, ENTITLEMENTS.ENTRY_RANK, ENTITLEMENTS.ENTRY_ID, ENTITLEMENTS.MEMBER_POSITION)
                .fetch());
    }

    /** The contest's rows with the person's name and ID number, the bib and the certificate, in table order. */
    public List<Listed> listed(long contestId) {
        var rows = dsl.select(ENTITLEMENTS.fields()).select(PERSONS.NAME, PERSONS.ID_CIPHER, ENTRIES.BIB, CERTIFICATES.NUMBER,
                        CERTIFICATES.STATUS)
                .from(ENTITLEMENTS)
                .join(PERSONS).on(PERSONS.ID.eq(ENTITLEMENTS.PERSON_ID))
                .join(ENTRIES).on(ENTRIES.ID.eq(ENTITLEMENTS.ENTRY_ID))
                .leftJoin(CERTIFICATES).on(CERTIFICATES.ENTITLEMENT_ID.eq(ENTITLEMENTS.ID))
                .where(ENTITLEMENTS.CONTEST_ID.eq(contestId))
                .orderBy(ENTITLEMENTS.EVENT_ID, ENTITLEMENTS.ENTRY_RANK, ENTITLEMENTS.ENTRY_ID, ENTITLEMENTS.MEMBER_POSITION)
                .fetch();
        List<StoredEntitlement> stored = withAwards(rows);
        List<Listed> listed = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Record r = rows.get(i);
            listed.add(new Listed(stored.get(i), r.get(PERSONS.NAME), vault.open(r.get(PERSONS.ID_CIPHER)), r.get(ENTRIES.BIB),
                    r.get(CERTIFICATES.NUMBER), r.get(CERTIFICATES.STATUS)));
        }
        return listed;
    }

    public List<StoredEntitlement> ofEntry(long entryId) {
        return withAwards(dsl.selectFrom(ENTITLEMENTS).where(ENTITLEMENTS.ENTRY_ID.eq(entryId))
                .orderBy(ENTITLEMENTS.MEMBER_POSITION).fetch());
    }

    /** Every level Craftmark awarded the person at finalizations of other contests. */
    public List<AwardedLevel> levelsAwarded(long personId, long exceptContestId) {
        return dsl.select(ENTITLEMENTS.LEVEL_AWARDED, ENTITLEMENTS.CONTEST_YEAR, ENTITLEMENTS.CONTEST_ID)
                .from(ENTITLEMENTS)
                .where(ENTITLEMENTS.PERSON_ID.eq(personId))
                .and(ENTITLEMENTS.LEVEL_AWARDED.isNotNull())
                .and(ENTITLEMENTS.CONTEST_ID.ne(exceptContestId))
                .fetch(r -> new AwardedLevel(SkillLevel.valueOf(r.value1()), r.value2(), r.value3()));
    }

    private List<StoredEntitlement> withAwards(List<? extends Record> rows) {
        List<Long> ids = rows.stream().map(r -> r.get(ENTITLEMENTS.ID)).toList();
        Map<Long, List<Award>> awards = new HashMap<>();
        if (!ids.isEmpty()) {
            dsl.selectFrom(ENTITLEMENT_AWARDS).where(ENTITLEMENT_AWARDS.ENTITLEMENT_ID.in(ids))
                    .orderBy(ENTITLEMENT_AWARDS.ENTITLEMENT_ID, ENTITLEMENT_AWARDS.PAYER_REGION_CODE)
                    .forEach(a -> awards.computeIfAbsent(a.getEntitlementId(), k -> new ArrayList<>())
                            .add(new Award(new RegionCode(a.getPayerRegionCode()), a.getIndividual(), a.getUnitAmount())));
        }
        return rows.stream().map(r -> toEntitlement(r, awards.getOrDefault(r.get(ENTITLEMENTS.ID), List.of()))).toList();
    }

    static StoredEntitlement toEntitlement(Record r, List<Award> awards) {
        String prize = r.get(ENTITLEMENTS.PRIZE);
        String level = r.get(ENTITLEMENTS.LEVEL_AWARDED);
        return new StoredEntitlement(r.get(ENTITLEMENTS.ID), new Entitlement(r.get(ENTITLEMENTS.CONTEST_ID), r.get(ENTITLEMENTS.EVENT_ID),
                r.get(ENTITLEMENTS.ENTRY_ID), r.get(ENTITLEMENTS.PERSON_ID), r.get(ENTITLEMENTS.MEMBER_POSITION),
                r.get(ENTITLEMENTS.CONTEST_YEAR), r.get(ENTITLEMENTS.RESULTS_VERSION), new RegionCode(r.get(ENTITLEMENTS.HOME_REGION_CODE)),
                r.get(ENTITLEMENTS.ENTRY_RANK), r.get(ENTITLEMENTS.ENTRY_TOTAL), prize == null ? null : Prize.valueOf(prize),
                level == null ? null : SkillLevel.valueOf(level), r.get(ENTITLEMENTS.LEVEL_REASON), r.get(ENTITLEMENTS.TITLE),
                r.get(ENTITLEMENTS.INDIVIDUAL_AWARD), r.get(ENTITLEMENTS.UNIT_AWARD), r.get(ENTITLEMENTS.UNIT_NAME), awards));
    }
}
