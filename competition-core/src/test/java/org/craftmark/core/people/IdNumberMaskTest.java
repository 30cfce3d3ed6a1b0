package org.craftmark.core.people;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdNumberMaskTest {

    @Test
    @DisplayName("an 18-character ID keeps its region and last four: 110105********002X")
    void keepsRegionAndLastFour() {
        assertThat(IdNumberMask.mask("11010519491231002X")).isEqualTo("110105********002X");
    }

    @Test
    @DisplayName("something too short to mask shows only stars")
    void shortValuesShowNothing() {
        assertThat(IdNumberMask.mask("1234")).isEqualTo("****");
    }
}
