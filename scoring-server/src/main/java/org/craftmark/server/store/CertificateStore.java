package org.craftmark.server.store;

import org.craftmark.core.certificates.CertificateNumber;
import org.craftmark.core.certificates.CertificatePrefix;
import org.craftmark.core.certificates.CertificateStatus;
import org.craftmark.core.contest.SkillLevel;
import org.craftmark.server.store.schema.tables.records.CertificatesRecord;
import org.jooq.Condition;
import org.craftmark.server.privacy.IdNumberVault;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectConditionStep;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.craftmark.server.store.schema.Tables.CERTIFICATES;
import static org.craftmark.server.store.schema.Tables.CERTIFICATE_SEQUENCES;
import static org.craftmark.server.store.schema.Tables.PERSONS;

/** Skill-level certificates and the sequence counter of each number prefix. */
public final class CertificateStore {

    /** A certificate as stored; the ID number is the holder's (for organizers, HR and ADMIN only). */
    public record StoredCertificate(String number, long entitlementId, long contestId, long personId, String holderName,
                                    String idNumber, String occupationCode, String occupationName, SkillLevel level,
                                    String issuer, LocalDate issuedOn, CertificateStatus status, Instant revokedAt,
                                    Long revokedBy, String revokeReason) {
    }

    /** A certificate to issue. */
    public record NewCertificate(CertificateNumber number, long entitlementId, long contestId, long personId, String holderName,
                                 String occupationCode, String occupationName, SkillLevel level, String issuer, LocalDate issuedOn) {
    }

    private final DSLContext dsl;
    private final IdNumberVault vault;

    public CertificateStore(DSLContext dsl, IdNumberVault vault) {
        this.dsl = dsl;
        this.vault = vault;
    }

    /**
     * Takes {@code count} sequences of the prefix and answers the highest one in use before them. One
     * upsert both creates the counter row and moves it on, so the row is locked (exclusively) from the
     * first statement until the transaction ends: allocations of one prefix take turns — across server
     * nodes too — without the lock upgrade an insert-then-select-for-update would deadlock on, and a
     * rolled-back transaction gives its numbers back (no gaps).
     */
    public int reserve(CertificatePrefix prefix, int count) {
        String key = prefix.toString();
        upserting().insertInto(CERTIFICATE_SEQUENCES)
                .set(CERTIFICATE_SEQUENCES.PREFIX, key)
                .set(CERTIFICATE_SEQUENCES.LAST_SEQUENCE, count)
                .onDuplicateKeyUpdate()
                .set(CERTIFICATE_SEQUENCES.LAST_SEQUENCE, CERTIFICATE_SEQUENCES.LAST_SEQUENCE.plus(count))
                .execute();
        int last = dsl.select(CERTIFICATE_SEQUENCES.LAST_SEQUENCE).from(CERTIFICATE_SEQUENCES)
                .where(CERTIFICATE_SEQUENCES.PREFIX.eq(key)).fetchSingle().value1();
        return last - count;
    }

    /** See {@link Upserts}. */
    private DSLContext upserting() {
        return Upserts.over(dsl);
    }

    public void insert(NewCertificate c, Instant now) {
        dsl.insertInto(CERTIFICATES)
                .set(CERTIFICATES.NUMBER, c.number().value())
                .set(CERTIFICATES.PREFIX, c.number().prefix().toString())
                .set(CERTIFICATES.SEQUENCE_NO, c.number().sequence())
                .set(CERTIFICATES.ENTITLEMENT_ID, c.entitlementId())
                .set(CERTIFICATES.CONTEST_ID, c.contestId())
                .set(CERTIFICATES.PERSON_ID, c.personId())
                .set(CERTIFICATES.HOLDER_NAME, c.holderName())
                .set(CERTIFICATES.OCCUPATION_CODE, c.occupationCode())
                .set(CERTIFICATES.OCCUPATION_NAME, c.occupationName())
                .set(CERTIFICATES.SKILL_LEVEL, c.level().name())
                .set(CERTIFICATES.ISSUER, c.issuer())
                .set(CERTIFICATES.ISSUED_ON, c.issuedOn().toString())
                .set(CERTIFICATES.STATUS, CertificateStatus.VALID.name())
                .set(CERTIFICATES.CREATED_AT, now.toEpochMilli())
                .execute();
    }

    public Optional<StoredCertificate> find(String number) {
        return withIdNumber(CERTIFICATES.NUMBER.eq(number)).fetchOptional(this::toCertificate);
    }

    public List<StoredCertificate> ofContest(long contestId) {
        return withIdNumber(CERTIFICATES.CONTEST_ID.eq(contestId)).orderBy(CERTIFICATES.NUMBER).fetch(this::toCertificate);
    }

    public Optional<StoredCertificate> ofEntitlement(long entitlementId) {
        return withIdNumber(CERTIFICATES.ENTITLEMENT_ID.eq(entitlementId)).fetchOptional(this::toCertificate);
    }

    /** Certificates with their holder's ID number. */
    private SelectConditionStep<Record> withIdNumber(Condition condition) {
        return dsl.select(CERTIFICATES.fields()).select(PERSONS.ID_CIPHER).from(CERTIFICATES)
                .join(PERSONS).on(PERSONS.ID.eq(CERTIFICATES.PERSON_ID))
                .where(condition);
    }

    public void revoke(String number, long revokedBy, String reason, Instant now) {
        dsl.update(CERTIFICATES)
                .set(CERTIFICATES.STATUS, CertificateStatus.REVOKED.name())
                .set(CERTIFICATES.REVOKED_AT, now.toEpochMilli())
                .set(CERTIFICATES.REVOKED_BY, revokedBy)
                .set(CERTIFICATES.REVOKE_REASON, reason)
                .where(CERTIFICATES.NUMBER.eq(number))
                .execute();
    }

    private StoredCertificate toCertificate(Record row) {
        CertificatesRecord r = row.into(CERTIFICATES);
        String idNumber = vault.open(row.get(PERSONS.ID_CIPHER));
        return new StoredCertificate(r.getNumber(), r.getEntitlementId(), r.getContestId(), r.getPersonId(), r.getHolderName(),
                idNumber, r.getOccupationCode(), r.getOccupationName(), SkillLevel.valueOf(r.getSkillLevel()), r.getIssuer(),
                LocalDate.parse(r.getIssuedOn()), CertificateStatus.valueOf(r.getStatus()), ContestStore.instant(r.getRevokedAt()),
                r.getRevokedBy(), r.getRevokeReason());
    }
}
