package org.craftmark.server.winners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The winner list's fields")
class WinnerFieldTest {
    /** api.md, HR winner lists: the JSON item's keys in the contract's order. */
    private static final List<String> CONTRACT = List.of("name", "idNumber", "employer", "trainingUnit",
            "contestId", "contest", "tier", "regionCode", "year", "occupationCode", "occupationName", "group",
            "rank", "total", "prize", "levelAwarded", "certificateNo", "title", "individualAward", "unitAward",
            "status");

    @Test
    void areTheContractsKeysInItsOrder() {
        assertThat(WinnerField.keys()).containsExactlyElementsOf(CONTRACT);
    }

    @Test
    void areTheComponentsOfTheRowInTheSameOrder() {
        assertThat(Arrays.stream(WinnerRow.class.getRecordComponents()).map(RecordComponent::getName))
                .containsExactlyElementsOf(CONTRACT);
    }

    @Test
    void readEachValueOfARow() {
        assertThat(WinnerField.NAME.valueOf(Winners.ZHANG_WEI)).isEqualTo("张伟");
        assertThat(WinnerField.TOTAL.valueOf(Winners.ZHANG_WEI)).isEqualTo(new BigDecimal("95.50"));
        assertThat(WinnerField.INDIVIDUAL_AWARD.valueOf(Winners.ZHANG_WEI)).isEqualTo(100_000L);
        assertThat(WinnerField.STATUS.valueOf(Winners.OUYANG)).isNull();
    }

    @Test
    void aRowRefusesATotalWithMoreThanTwoDecimals() {
        assertThatThrownBy(() -> withTotal(new BigDecimal("95.505"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(withTotal(new BigDecimal("95.500")).total()).isEqualTo(new BigDecimal("95.500"));
    }

    @Test
    void aRowNeverHoldsATotalInExponentForm() {
        assertThat(withTotal(new BigDecimal("1E+2")).total().toString()).isEqualTo("100");
    }

    private static WinnerRow withTotal(BigDecimal total) {
        WinnerRow row = Winners.ZHANG_WEI;
        return new WinnerRow(row.name(), row.idNumber(), row.employer(), row.trainingUnit(), row.contestId(),
                row.contest(), row.tier(), row.regionCode(), row.year(), row.occupationCode(), row.occupationName(),
                row.group(), row.rank(), total, row.prize(), row.levelAwarded(), row.certificateNo(), row.title(),
                row.individualAward(), row.unitAward(), row.status());
    }
}
