package org.craftmark.core.certificates;

import java.time.LocalDate;
import org.craftmark.core.contest.SkillLevel;
import org.craftmark.core.people.NameMask;

/**
 * The public view of a certificate ({@code GET /api/v1/verify/{no}}): masked holder (张*), occupation,
 * level, issue date, issuer and status. It has no ID number field, so none can leak.
 */
public record Verification(String holder, String occupationCode, String occupation, SkillLevel level,
                           LocalDate issuedOn, String issuer, CertificateStatus status) {
    static Verification of(Certificate certificate) {
        return new Verification(NameMask.mask(certificate.holderName()), certificate.occupationCode(),
                certificate.occupationName(), certificate.level(), certificate.issuedOn(),
                certificate.issuingOrganization(), certificate.status());
    }

    public boolean valid() {
        return status == CertificateStatus.VALID;
    }
}
