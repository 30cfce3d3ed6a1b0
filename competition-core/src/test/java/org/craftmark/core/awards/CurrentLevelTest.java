package org.craftmark.core.awards;

import org.craftmark.core.contest.SkillLevel;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CurrentLevelTest {
    @Test
    @DisplayName("the current level is the highest of registration and every level awarded earlier")
    void highestOfRegistrationAndAwards() {
        assertThat(Member.currentLevel(SkillLevel.L4, List.of())).isEqualTo(SkillLevel.L4);
        assertThat(Member.currentLevel(SkillLevel.L4, List.of(SkillLevel.L3, SkillLevel.L5))).isEqualTo(SkillLevel.L3);
        assertThat(Member.currentLevel(SkillLevel.L2, List.of(SkillLevel.L3))).as("a lower award does not lower it").isEqualTo(SkillLevel.L2);
        assertThat(Member.currentLevel(SkillLevel.NONE, List.of(SkillLevel.L1))).isEqualTo(SkillLevel.L1);
    }
}
