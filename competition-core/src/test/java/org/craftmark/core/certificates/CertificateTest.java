package org.craftmark.core.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.craftmark.core.common.RuleViolation;
import org.craftmark.core.contest.SkillLevel;
import org.craftmark.core.people.People;
import org.craftmark.core.people.ResidentId;
import org.craftmark.core.pipeline.RegionCode;
import org.junit.jupiter.api.Test;

class CertificateTest {
    private static final ResidentId HOLDER = People.person(0);
    private static final CertificateNumber L2_NUMBER = CertificateNumberAllocator.next(
            CertificatePrefix.of("0001", new RegionCode("110112"), 42, 2026, SkillLevel.L2), 0);

    private static Certificate issued(SkillLevel level) {
        return Certificate.issue("欧阳娜娜", HOLDER, "6-18-01-01", "车工", level, "北京市职业技能鉴定指导中心",
                LocalDate.of(2026, 12, 1), L2_NUMBER, 42);
    }

    @Test
    void isValidWhenIssued() {
        assertThat(issued(SkillLevel.L2).status()).isEqualTo(CertificateStatus.VALID);
    }

    @Test
    void revokingKeepsEverythingButTheStatus() {
        Certificate revoked = issued(SkillLevel.L2).revoke();

        assertThat(revoked.status()).isEqualTo(CertificateStatus.REVOKED);
        assertThat(revoked.revoke()).isEqualTo(revoked);
        assertThat(revoked.number()).isEqualTo(L2_NUMBER);
    }

    @Test
    void theNumbersLevelDigitMustMatchTheLevel() {
        assertThatThrownBy(() -> issued(SkillLevel.L3)).isInstanceOf(RuleViolation.class);
    }

    @Test
    void verificationShowsAMaskedHolderAndNoIdNumber() {
        Verification verification = issued(SkillLevel.L2).revoke().verification();

        assertThat(verification.holder()).isEqualTo("欧***");
        assertThat(verification.valid()).isFalse();
        assertThat(verification.toString()).doesNotContain(HOLDER.number()).doesNotContain("欧阳娜娜");
        assertThat(verification.level()).isEqualTo(SkillLevel.L2);
    }

    @Test
    void itsTextNeverShowsTheIdNumber() {
        assertThat(issued(SkillLevel.L2).toString()).doesNotContain(HOLDER.number());
    }
}
