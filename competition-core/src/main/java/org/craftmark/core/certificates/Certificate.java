package org.craftmark.core.certificates;

import java.time.LocalDate;
import java.util.Objects;
import org.craftmark.core.common.RuleViolation;
import org.craftmark.core.contest.SkillLevel;
import org.craftmark.core.people.ResidentId;

/**
 * A skill-level certificate (职业技能等级证书), issued at FINAL for every awarded level.
 *
 * @param occupationCode the 职业分类大典 code, e.g. {@code 6-18-01-01}
 * @param occupationName e.g. 车工
 */
public record Certificate(String holderName, ResidentId idNumber, String occupationCode, String occupationName,
                          SkillLevel level, String issuingOrganization, LocalDate issuedOn,
                          CertificateNumber number, long contestId, CertificateStatus status) {
    public Certificate {
        Objects.requireNonNull(holderName, "holderName");
        Objects.requireNonNull(idNumber, "idNumber");
        Objects.requireNonNull(occupationCode, "occupationCode");
        Objects.requireNonNull(occupationName, "occupationName");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(issuingOrganization, "issuingOrganization");
        Objects.requireNonNull(issuedOn, "issuedOn");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(status, "status");
        // The level digit inside the number must say the same as the level printed beside it.
        if (level == SkillLevel.NONE || level.digit() != number.prefix().levelDigit()) {
            throw new RuleViolation("level", "must be the level of certificate number " + number);
        }
    }

    /** A newly issued, VALID certificate. */
    public static Certificate issue(String holderName, ResidentId idNumber, String occupationCode,
                                    String occupationName, SkillLevel level, String issuingOrganization,
                                    LocalDate issuedOn, CertificateNumber number, long contestId) {
        return new Certificate(holderName, idNumber, occupationCode, occupationName, level, issuingOrganization,
                issuedOn, number, contestId, CertificateStatus.VALID);
    }

    /** The same certificate, REVOKED. Revoking a revoked certificate changes nothing. */
    public Certificate revoke() {
        return new Certificate(holderName, idNumber, occupationCode, occupationName, level, issuingOrganization,
                issuedOn, number, contestId, CertificateStatus.REVOKED);
    }

    /** What public verification shows: the masked holder, never the ID number. */
    public Verification verification() {
        return Verification.of(this);
    }
}
