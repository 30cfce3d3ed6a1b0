package org.craftmark.server.winners;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The winner list as CSV")
class CsvWinnerListTest {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @Test
    void startsWithAUtf8ByteOrderMark() throws IOException {
        assertThat(Arrays.copyOf(write(Winners.ROWS), 3)).isEqualTo(BOM);
    }

    @Test
    void readsBackAsTheRowsWritten() throws IOException {
        List<CSVRecord> records = parse(write(Winners.ROWS));

        assertThat(records).map(record -> Winners.fromText(record::get)).containsExactlyElementsOf(Winners.ROWS);
    }

    @Test
    void hasAHeaderOfTheJsonKeys() throws IOException {
        String csv = text(write(List.of()));

        assertThat(csv).isEqualTo(String.join(",", WinnerField.keys()) + "\r\n");
    }

    @Test
    void endsRecordsWithCrLfAndQuotesWhatNeedsIt() throws IOException {
        String csv = text(write(Winners.ROWS));

        assertThat(csv.split("\r\n", -1)).hasSize(1 + 3 + 1 + 1); // header, 3 rows (one holding a CRLF), end
        assertThat(csv).contains("\"北京市通州区精工机械厂, 二车间\"", "\"北京市\"\"工匠\"\"技工学校\"",
                "\"第一行\n第二行\"", ",95.50,", ",88,");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"=HYPERLINK(\"http://x\",\"点击\")", "+86 机械厂", "-张三", "@SUM(A1)", "\t=1+1", "\r=1+1"})
    void marksTextThatAFormulaWouldRunAsText(String hostile) throws IOException {
        CSVRecord record = parse(write(List.of(withNameAndEmployer(hostile)))).getFirst();

        assertThat(record.get("name")).isEqualTo("'" + hostile);
        assertThat(record.get("employer")).isEqualTo("'" + hostile);
        assertThat(record.get("total")).isEqualTo("95.50");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"北京=工匠", "'已是文本", "6-18-01-01", "张-伟"})
    void leavesOtherTextAlone(String harmless) throws IOException {
        CSVRecord record = parse(write(List.of(withNameAndEmployer(harmless)))).getFirst();

        assertThat(record.get("name")).isEqualTo(harmless);
        assertThat(record.get("employer")).isEqualTo(harmless);
    }

    private static WinnerRow withNameAndEmployer(String text) {
        WinnerRow row = Winners.ZHANG_WEI;
        return new WinnerRow(text, row.idNumber(), text, row.trainingUnit(), row.contestId(), row.contest(),
                row.tier(), row.regionCode(), row.year(), row.occupationCode(), row.occupationName(), row.group(),
                row.rank(), row.total(), row.prize(), row.levelAwarded(), row.certificateNo(), row.title(),
                row.individualAward(), row.unitAward(), row.status());
    }

    private static byte[] write(List<WinnerRow> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WinnerFormat.CSV.write(rows.iterator(), out);
        return out.toByteArray();
    }

    /** The text after the byte-order mark. */
    private static String text(byte[] csv) {
        assertThat(Arrays.copyOf(csv, 3)).isEqualTo(BOM);
        return new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
    }

    private static List<CSVRecord> parse(byte[] csv) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text(csv)), format)) {
            assertThat(parser.getHeaderNames()).containsExactlyElementsOf(WinnerField.keys());
            return parser.getRecords();
        }
    }
}
