package org.craftmark.server.certificates;

import io.vertx.core.json.JsonObject;
import org.craftmark.core.certificates.CertificateNumber;
import org.craftmark.core.certificates.CertificateNumberAllocator;
import org.craftmark.core.certificates.CertificatePrefix;
import org.craftmark.core.contest.SkillLevel;
import org.craftmark.server.audit.AuditLog;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.config.ServerConfig.CertificateSettings;
import org.craftmark.server.store.CertificateStore.NewCertificate;
import org.craftmark.server.store.ContestStore.StoredContest;
import org.craftmark.server.store.EventStore.StoredEvent;
import org.craftmark.server.store.Stores;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Issues a certificate (职业技能等级证书) for every level a FINAL contest awards, numbered by the
 * rulebook ({@link CertificatePrefix}: evaluation organization, province, site = contest, year, level;
 * then a sequence from 000001). Numbers are reserved from the prefix's counter row in the finalize
 * transaction — no gaps, no duplicates, across server nodes — and the database's unique keys stand
 * behind that.
 */
public final class CertificateIssuer {
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    /** A level awarded on an entitlement row, to be certified. */
    public record Awarded(long entitlementId, long personId, String holderName, StoredEvent event, SkillLevel level) {
    }

    private final CertificateSettings settings;
    private final AuditLog audit;

    public CertificateIssuer(CertificateSettings settings, AuditLog audit) {
        this.settings = settings;
        this.audit = audit;
    }

    /** Issues the certificates in the order given (event, then rank); answers how many. */
    public int issue(Stores tx, SignedInUser actor, StoredContest contest, List<Awarded> awarded, Instant at) {
        LocalDate issuedOn = LocalDate.ofInstant(at, CHINA);
        Map<SkillLevel, List<Awarded>> byLevel = awarded.stream()
                .collect(Collectors.groupingBy(Awarded::level, LinkedHashMap::new, Collectors.toList()));
        byLevel.forEach((level, certified) -> {
            CertificatePrefix prefix = CertificatePrefix.of(settings.evaluationOrgCode(), contest.region(), contest.id(),
                    contest.year(), level);
            int highest = tx.certificates().reserve(prefix, certified.size());
            List<CertificateNumber> numbers = CertificateNumberAllocator.allocate(prefix, highest, certified.size());
            for (int i = 0; i < certified.size(); i++) {
                Awarded a = certified.get(i);
                tx.certificates().insert(new NewCertificate(numbers.get(i), a.entitlementId(), contest.id(), a.personId(),
                        a.holderName(), a.event().occupationCode(), a.event().occupationName(), level, settings.issuer(), issuedOn), at);
                audit.record(tx, actor, "certificate.issue", "certificate:" + numbers.get(i).value(), contest.id(), new JsonObject()
                        .put("entitlementId", a.entitlementId()).put("level", level.name()).put("eventId", a.event().id()));
            }
        });
        return awarded.size();
    }
}
