package org.craftmark.core.marking;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PanelTest {
    private final Panel panel = new Panel(Map.of(
            1L, new SeatCoverage.All(),
            2L, new SeatCoverage.Only(Set.of("B1")),
            3L, new SeatCoverage.Only(Set.of())));

    @Test
    @DisplayName("a seat with no list covers every criterion")
    void allCoversEverything() {
        assertThat(panel.counts(1, "A1")).isTrue();
        assertThat(panel.counts(1, "Z9")).isTrue();
    }

    @Test
    @DisplayName("a seat naming criteria covers only those")
    void onlyCoversNamed() {
        assertThat(panel.counts(2, "B1")).isTrue();
        assertThat(panel.counts(2, "A1")).isFalse();
    }

    @Test
    @DisplayName("an empty list covers nothing: a chief who only supervises")
    void emptyCoversNothing() {
        assertThat(panel.counts(3, "A1")).isFalse();
    }

    @Test
    @DisplayName("marks of a judge no longer on the panel do not count")
    void unseatedJudgeDoesNotCount() {
        assertThat(panel.counts(4, "A1")).isFalse();
    }
}
