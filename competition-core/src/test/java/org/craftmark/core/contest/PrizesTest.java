package org.craftmark.core.contest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrizesTest {
    @ParameterizedTest(name = "rank {0} of {1} → {2}")
    @CsvSource(nullValues = "none", value = {
            "1, 1, GOLD", "2, 2, SILVER", "3, 3, BRONZE",
            "4, 8, EXCELLENCE", "4, 9, EXCELLENCE", "5, 9, none", "4, 7, none",
            "10, 20, EXCELLENCE", "11, 20, none", "3, 40, BRONZE"})
    void medalsForTheTopThreeAndExcellenceUpToHalfTheField(int rank, int ranked, Prize prize) {
        assertThat(Prizes.forRank(rank, ranked).orElse(null)).isEqualTo(prize);
    }

    @ParameterizedTest(name = "rank {0} of {1}")
    @CsvSource({"0, 5", "6, 5", "-1, 5"})
    void aRankOutsideTheFieldIsAMistake(int rank, int ranked) {
        assertThatIllegalArgumentException().isThrownBy(() -> Prizes.forRank(rank, ranked));
    }
}
