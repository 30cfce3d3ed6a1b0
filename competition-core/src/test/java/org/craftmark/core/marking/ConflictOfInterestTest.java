package org.craftmark.core.marking;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConflictOfInterestTest {

    @Test
    void aJudgeFromTheCompetitorsEmployerIsInConflict() {
        assertThat(ConflictOfInterest.exists("首钢集团", List.of("首钢集团", "北京市工业技师学院"))).isTrue();
    }

    @Test
    void aJudgeFromTheTrainingUnitOfAnyTeamMemberIsInConflict() {
        assertThat(ConflictOfInterest.exists("北京市工业技师学院", List.of("首钢集团", "京东方", "北京市工业技师学院"))).isTrue();
    }

    @Test
    void surroundingSpacesDoNotHideAConflict() {
        assertThat(ConflictOfInterest.exists("  首钢集团 ", List.of(" 首钢集团"))).isTrue();
    }

    @Test
    void matchingIsCaseSensitiveAndExact() {
        assertThat(ConflictOfInterest.exists("BOE", List.of("boe"))).isFalse();
        assertThat(ConflictOfInterest.exists("首钢", List.of("首钢集团"))).isFalse();
    }

    @Test
    void aJudgeWithoutAffiliationOrAnEntryWithoutUnitsHasNoConflict() {
        assertThat(ConflictOfInterest.exists(null, List.of("首钢集团"))).isFalse();
        assertThat(ConflictOfInterest.exists(" ", List.of(" "))).isFalse();
        assertThat(ConflictOfInterest.exists("首钢集团", Arrays.asList(null, null))).isFalse();
    }
}
