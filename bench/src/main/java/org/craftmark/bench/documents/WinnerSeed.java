package org.craftmark.bench.documents;

import org.craftmark.bench.intake.BenchDatabase;
import org.craftmark.core.certificates.CertificateNumber;
import org.craftmark.core.certificates.CertificateNumberAllocator;
import org.craftmark.core.certificates.CertificatePrefix;
import org.craftmark.core.contest.SkillLevel;
import org.craftmark.core.pipeline.RegionCode;
import org.craftmark.server.config.ServerConfig.CertificateSettings;
import org.craftmark.server.privacy.IdNumberVault;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import static org.craftmark.server.store.schema.Tables.CERTIFICATES;
import static org.craftmark.server.store.schema.Tables.CERTIFICATE_SEQUENCES;
import static org.craftmark.server.store.schema.Tables.CONTESTS;
import static org.craftmark.server.store.schema.Tables.ENTITLEMENTS;
import static org.craftmark.server.store.schema.Tables.ENTRIES;
import static org.craftmark.server.store.schema.Tables.ENTRY_MEMBERS;
import static org.craftmark.server.store.schema.Tables.EVENTS;
import static org.craftmark.server.store.schema.Tables.PERSONS;

/**
 * Grows a FINAL contest's winner list to {@code total} rows fast: multi-row jOOQ inserts straight
 * into the product's tables (persons, entries, members, entitlements, certificates), as its own
 * stores would have written them — ID numbers sealed and hashed by the server's {@link IdNumberVault},
 * certificate numbers taken from the prefix's counter row. The server then reads them the normal way.
 * Every added row is an L3 EXCELLENCE with a certificate: the widest row a list has.
 */
final class WinnerSeed {
    private static final int ROWS_PER_INSERT = 1_000;
    private static final String REGION = "110112";

    private final DSLContext dsl;
    private final IdNumberVault vault;
    private final long now = System.currentTimeMillis();

    private WinnerSeed(DSLContext dsl, IdNumberVault vault) {
        this.dsl = dsl;
        this.vault = vault;
    }

    /**
     * Adds rows to every event of the finalized fixture, ranks after the fixture's own, until the
     * contest has {@code total} winner rows; answers how many were added.
     */
    static int grow(BenchDatabase db, IdNumberVault vault, CertificateFixture fixture, int total) throws Exception {
        try (Connection c = db.connect(); java.sql.Statement session = c.createStatement()) {
            // A bulk load: the rows are made consistent here (parents first, ids from the tables'
            // maxima), so the foreign keys need not be checked row by row. Unique keys still are.
            session.execute("SET SESSION foreign_key_checks = 0");
            c.setAutoCommit(false);
            int added = new WinnerSeed(DSL.using(c, SQLDialect.MYSQL), vault).add(fixture, total - fixture.entries());
            c.commit();
            return added;
        }
    }

    private int add(CertificateFixture fixture, int rows) {
        Record contest = dsl.select(CONTESTS.CONTEST_YEAR, CONTESTS.RESULTS_VERSION).from(CONTESTS)
                .where(CONTESTS.ID.eq(fixture.contestId())).fetchSingle();
        int year = contest.get(CONTESTS.CONTEST_YEAR);
        List<? extends Record> events = dsl.select(EVENTS.ID, EVENTS.OCCUPATION_CODE, EVENTS.OCCUPATION_NAME).from(EVENTS)
                .where(EVENTS.CONTEST_ID.eq(fixture.contestId())).orderBy(EVENTS.ID).fetch();
        List<CertificateNumber> numbers = reserve(fixture.contestId(), year, rows);
        long person = next(PERSONS.ID);
        long entry = next(ENTRIES.ID);
        long entitlement = next(ENTITLEMENTS.ID);
        int firstRank = fixture.entries() / events.size() + 1;
        Batch batch = new Batch();
        for (int i = 0; i < rows; i++) {
            Record event = events.get(i % events.size());
            int rank = firstRank + i / events.size();
            int index = fixture.entries() + i;
            String name = "选手" + index;
            String employer = "单位" + index % 500;
            String idNumber = CertificateFixture.idNumber(index);
            batch.persons.values(person, vault.lookupHash(idNumber), vault.seal(idNumber), name, now);
            batch.entries.values(entry, event.get(EVENTS.ID), String.format(Locale.ROOT, "B%05d", rank), "ACTIVE", REGION, now);
            batch.members.values(entry, 0, event.get(EVENTS.ID), person, employer, "培训中心" + index % 50, "NONE");
            batch.entitlements.values(entitlement, fixture.contestId(), event.get(EVENTS.ID), entry, person, 0, year,
                    contest.get(CONTESTS.RESULTS_VERSION), REGION, rank, BigDecimal.valueOf(9_000 - rank, 2), "EXCELLENCE", "L3",
                    0L, 0L, employer, now);
            CertificateNumber number = numbers.get(i);
            batch.certificates.values(number.value(), number.prefix().toString(), number.sequence(), entitlement, fixture.contestId(),
                    person, name, event.get(EVENTS.OCCUPATION_CODE), event.get(EVENTS.OCCUPATION_NAME), SkillLevel.L3.name(),
                    CertificateSettings.DEFAULT.issuer(), LocalDate.now().toString(), "VALID", now);
            person++;
            entry++;
            entitlement++;
            batch.rows++;
            if (batch.rows == ROWS_PER_INSERT || i == rows - 1) {
                batch.execute();
                batch = new Batch();
            }
        }
        return rows;
    }

    /** Numbers after the ones finalize issued, the counter row moved past them as the issuer does. */
    private List<CertificateNumber> reserve(long contestId, int year, int count) {
        CertificatePrefix prefix = CertificatePrefix.of(CertificatePrefix.DEFAULT_EVALUATION_ORG_CODE, new RegionCode(REGION), contestId,
                year, SkillLevel.L3);
        int highest = dsl.select(CERTIFICATE_SEQUENCES.LAST_SEQUENCE).from(CERTIFICATE_SEQUENCES)
                .where(CERTIFICATE_SEQUENCES.PREFIX.eq(prefix.toString())).fetchSingle().value1();
        dsl.update(CERTIFICATE_SEQUENCES).set(CERTIFICATE_SEQUENCES.LAST_SEQUENCE, highest + count)
                .where(CERTIFICATE_SEQUENCES.PREFIX.eq(prefix.toString())).execute();
        return CertificateNumberAllocator.allocate(prefix, highest, count);
    }

    private long next(org.jooq.TableField<?, Long> id) {
        Long max = dsl.select(DSL.max(id)).from(id.getTable()).fetchSingle().value1();
        return max == null ? 1 : max + 1;
    }

    /** One multi-row INSERT per table, filled row by row. Parents go first: the foreign keys are checked. */
    private final class Batch {
        final org.jooq.InsertValuesStep5<?, Long, String, String, String, Long> persons = dsl.insertInto(PERSONS,
                PERSONS.ID, PERSONS.ID_HASH, PERSONS.ID_CIPHER, PERSONS.NAME, PERSONS.CREATED_AT);
        final org.jooq.InsertValuesStep6<?, Long, Long, String, String, String, Long> entries = dsl.insertInto(ENTRIES,
                ENTRIES.ID, ENTRIES.EVENT_ID, ENTRIES.BIB, ENTRIES.STATUS, ENTRIES.HOME_REGION_CODE, ENTRIES.CREATED_AT);
        final org.jooq.InsertValuesStep7<?, Long, Integer, Long, Long, String, String, String> members = dsl.insertInto(ENTRY_MEMBERS,
                ENTRY_MEMBERS.ENTRY_ID, ENTRY_MEMBERS.POSITION, ENTRY_MEMBERS.EVENT_ID, ENTRY_MEMBERS.PERSON_ID, ENTRY_MEMBERS.EMPLOYER,
                ENTRY_MEMBERS.TRAINING_UNIT, ENTRY_MEMBERS.CURRENT_LEVEL);
        final org.jooq.InsertValuesStep17<?, Long, Long, Long, Long, Long, Integer, Integer, Integer, String, Integer, BigDecimal, String,
                String, Long, Long, String, Long> entitlements = dsl.insertInto(ENTITLEMENTS, ENTITLEMENTS.ID, ENTITLEMENTS.CONTEST_ID,
                ENTITLEMENTS.EVENT_ID, ENTITLEMENTS.ENTRY_ID, ENTITLEMENTS.PERSON_ID, ENTITLEMENTS.MEMBER_POSITION, ENTITLEMENTS.CONTEST_YEAR,
                ENTITLEMENTS.RESULTS_VERSION, ENTITLEMENTS.HOME_REGION_CODE, ENTITLEMENTS.ENTRY_RANK, ENTITLEMENTS.ENTRY_TOTAL,
                ENTITLEMENTS.PRIZE, ENTITLEMENTS.LEVEL_AWARDED, ENTITLEMENTS.INDIVIDUAL_AWARD, ENTITLEMENTS.UNIT_AWARD,
                ENTITLEMENTS.UNIT_NAME, ENTITLEMENTS.CREATED_AT);
        final org.jooq.InsertValuesStep14<?, String, String, Integer, Long, Long, Long, String, String, String, String, String, String,
                String, Long> certificates = dsl.insertInto(CERTIFICATES, CERTIFICATES.NUMBER, CERTIFICATES.PREFIX,
                CERTIFICATES.SEQUENCE_NO, CERTIFICATES.ENTITLEMENT_ID, CERTIFICATES.CONTEST_ID, CERTIFICATES.PERSON_ID,
                CERTIFICATES.HOLDER_NAME, CERTIFICATES.OCCUPATION_CODE, CERTIFICATES.OCCUPATION_NAME, CERTIFICATES.SKILL_LEVEL,
                CERTIFICATES.ISSUER, CERTIFICATES.ISSUED_ON, CERTIFICATES.STATUS, CERTIFICATES.CREATED_AT);
        int rows;

        void execute() {
            persons.execute();
            entries.execute();
            members.execute();
            entitlements.execute();
            certificates.execute();
        }
    }
}
