package org.craftmark.server.winners;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The winner list's columns, in the contract's order: one place that every format reads its keys,
 * values and (for XLSX) column widths from. Values are {@code String}, {@code Long},
 * {@code Integer}, {@code BigDecimal} or null; the writers tell text from numbers by type.
 */
enum WinnerField {
    NAME("name", 10, WinnerRow::name),
    ID_NUMBER("idNumber", 21, WinnerRow::idNumber),
    EMPLOYER("employer", 26, WinnerRow::employer),
    TRAINING_UNIT("trainingUnit", 26, WinnerRow::trainingUnit),
    CONTEST_ID("contestId", 10, WinnerRow::contestId),
    CONTEST("contest", 32, WinnerRow::contest),
    TIER("tier", 10, WinnerRow::tier),
    REGION_CODE("regionCode", 11, WinnerRow::regionCode),
    YEAR("year", 7, WinnerRow::year),
    OCCUPATION_CODE("occupationCode", 15, WinnerRow::occupationCode),
    OCCUPATION_NAME("occupationName", 16, WinnerRow::occupationName),
    GROUP("group", 10, WinnerRow::group),
    RANK("rank", 6, WinnerRow::rank),
    TOTAL("total", 8, WinnerRow::total),
    PRIZE("prize", 12, WinnerRow::prize),
    LEVEL_AWARDED("levelAwarded", 13, WinnerRow::levelAwarded),
    CERTIFICATE_NO("certificateNo", 25, WinnerRow::certificateNo),
    TITLE("title", 18, WinnerRow::title),
    INDIVIDUAL_AWARD("individualAward", 15, WinnerRow::individualAward),
    UNIT_AWARD("unitAward", 11, WinnerRow::unitAward),
    STATUS("status", 9, WinnerRow::status);

    private final String key;
    private final double width;
    private final Function<WinnerRow, Object> value;

    WinnerField(String key, double width, Function<WinnerRow, Object> value) {
        this.key = key;
        this.width = width;
        this.value = value;
    }

    /** The JSON key, also the CSV and XLSX header. */
    String key() {
        return key;
    }

    /** The XLSX column width, in characters of the default font. */
    double width() {
        return width;
    }

    Object valueOf(WinnerRow row) {
        return value.apply(row);
    }

    static List<String> keys() {
        return Arrays.stream(values()).map(WinnerField::key).toList();
    }
}
