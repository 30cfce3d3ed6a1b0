package org.craftmark.core.contest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SkillLevelTest {
    @ParameterizedTest(name = "{0} is {1}, digit {2}")
    @CsvSource({
            "L5, 五级/初级工, 5",
            "L4, 四级/中级工, 4",
            "L3, 三级/高级工, 3",
            "L2, 二级/技师, 2",
            "L1, 一级/高级技师, 1"
    })
    void hasTheNameCertificatesPrintAndTheDigitTheirNumbersCarry(SkillLevel level, String chineseName, int digit) {
        assertThat(level.chineseName()).isEqualTo(chineseName);
        assertThat(level.digit()).isEqualTo(digit);
    }

    @ParameterizedTest
    @CsvSource({"L5, L4", "L2, L1", "NONE, L5"})
    void ranksLowerLevelsBelowHigherOnes(SkillLevel lower, SkillLevel higher) {
        assertThat(lower.isBelow(higher)).isTrue();
        assertThat(higher.isBelow(lower)).isFalse();
        assertThat(SkillLevel.highest(lower, higher)).isEqualTo(higher);
    }

    @Test
    void noneHasNoCertificateDigit() {
        assertThat(SkillLevel.NONE.chineseName()).isEqualTo("无");
        assertThatThrownBy(SkillLevel.NONE::digit).isInstanceOf(IllegalStateException.class);
    }
}
