package org.craftmark.core.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.craftmark.core.common.Parsed;
import org.craftmark.core.common.Problem;
import org.craftmark.core.common.RuleViolation;
import org.craftmark.core.contest.SkillLevel;
import org.craftmark.core.pipeline.RegionCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CertificateNumberTest {
    private static final CertificatePrefix TONGZHOU_2026_L3 = CertificatePrefix.of(
            CertificatePrefix.DEFAULT_EVALUATION_ORG_CODE, new RegionCode("110112"), 42, 2026, SkillLevel.L3);

    @Test
    void buildsThePrefixFromTheContest() {
        assertThat(TONGZHOU_2026_L3.toString()).isEqualTo("S000111000042263");
        assertThat(TONGZHOU_2026_L3.level()).isEqualTo(SkillLevel.L3);
    }

    @Test
    void aNationalContestHasProvinceCode00() {
        CertificatePrefix prefix = CertificatePrefix.of("0203", RegionCode.NATION, 999_999, 2031, SkillLevel.L1);

        assertThat(prefix.toString()).isEqualTo("S020300999999311");
    }

    @Test
    void roundTripsThroughText() {
        CertificateNumber number = CertificateNumber.of(TONGZHOU_2026_L3, 17);

        assertThat(number.value()).isEqualTo("S000111000042263000017").hasSize(22);
        assertThat(CertificateNumber.parse(number.value()).orElseThrow()).isEqualTo(number);
        assertThat(CertificateNumber.parse(number.value()).orElseThrow().prefix()).isEqualTo(TONGZHOU_2026_L3);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "S00011100004226300001  | must be 22 characters",
            "S0001110000422630000017| must be 22 characters",
            "''                     | must be 22 characters",
            "s000111000042263000017 | must start with S",
            "X000111000042263000017 | must start with S",
            "S0001110000422630000a7 | characters 2–22 must be digits",
            "S00011100004226３000017 | characters 2–22 must be digits",
            "S000111000042260000017 | level digit (character 16) must be 1–5",
            "S000111000042266000017 | level digit (character 16) must be 1–5",
            "S000111000042263000000 | sequence (characters 17–22) starts at 000001"})
    void anythingOffTheShapeIsMalformed(String text, String problem) {
        Parsed<CertificateNumber> parsed = CertificateNumber.parse(text.strip());

        assertThat(parsed).isInstanceOf(Parsed.Invalid.class);
        assertThat(((Parsed.Invalid<CertificateNumber>) parsed).problems())
                .containsExactly(new Problem("certificateNo", problem));
    }

    @Test
    void reportsEveryDeviationAtOnce() {
        Parsed<CertificateNumber> parsed = CertificateNumber.parse("T000111000042269000000");

        assertThat(((Parsed.Invalid<CertificateNumber>) parsed).problems()).hasSize(3);
        assertThatThrownBy(parsed::orElseThrow).isInstanceOf(RuleViolation.class);
    }

    @Test
    void aNullNumberIsMalformed() {
        assertThat(CertificateNumber.parse(null)).isInstanceOf(Parsed.Invalid.class);
    }

    @Test
    void prefixPartsMustHaveTheirShape() {
        assertThatThrownBy(() -> CertificatePrefix.of("1", RegionCode.NATION, 1, 2026, SkillLevel.L5))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("evaluationOrgCode");
        assertThatThrownBy(() -> CertificatePrefix.of("0001", RegionCode.NATION, 1_000_000, 2026, SkillLevel.L5))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("contestId");
        assertThatThrownBy(() -> CertificatePrefix.of("0001", RegionCode.NATION, 1, 2026, SkillLevel.NONE))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("level");
    }

    @Test
    void sequencesRunFrom1To999999() {
        assertThatThrownBy(() -> CertificateNumber.of(TONGZHOU_2026_L3, 0)).isInstanceOf(RuleViolation.class);
        assertThat(CertificateNumber.of(TONGZHOU_2026_L3, 999_999).value()).endsWith("999999");
    }

    @Test
    void allocationStartsAt000001() {
        assertThat(CertificateNumberAllocator.next(TONGZHOU_2026_L3, 0).value())
                .isEqualTo("S000111000042263000001");
    }

    @Test
    void allocationFollowsTheHighestSequenceUsed() {
        assertThat(CertificateNumberAllocator.next(TONGZHOU_2026_L3, 41).sequence()).isEqualTo(42);
        assertThat(CertificateNumberAllocator.allocate(TONGZHOU_2026_L3, 9, 3))
                .extracting(CertificateNumber::value)
                .containsExactly("S000111000042263000010", "S000111000042263000011", "S000111000042263000012");
    }

    @Test
    void allocationStopsWhenThePrefixIsUsedUp() {
        assertThatThrownBy(() -> CertificateNumberAllocator.next(TONGZHOU_2026_L3, 999_999))
                .isInstanceOf(IllegalStateException.class);
        assertThat(CertificateNumberAllocator.allocate(TONGZHOU_2026_L3, 999_998, 1)).hasSize(1);
        assertThat(CertificateNumberAllocator.allocate(TONGZHOU_2026_L3, 5, 0)).isEqualTo(List.of());
    }
}
