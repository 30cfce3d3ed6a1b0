package org.craftmark.server.winners;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipFile;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The winner list as XLSX")
class XlsxWinnerListTest {
    private static final Set<WinnerField> NUMBERS = Set.of(WinnerField.CONTEST_ID, WinnerField.YEAR,
            WinnerField.RANK, WinnerField.TOTAL, WinnerField.INDIVIDUAL_AWARD, WinnerField.UNIT_AWARD);

    @Test
    void readsBackAsTheRowsWritten() throws IOException {
        List<Row> rows = read(write(Winners.ROWS));

        assertThat(rows).hasSize(1 + Winners.ROWS.size());
        assertThat(rows.subList(1, rows.size())).map(row -> Winners.fromText(key -> text(row, key)))
                .containsExactlyElementsOf(Winners.ROWS);
    }

    @Test
    void hasAHeaderRowOfTheJsonKeys() throws IOException {
        Row header = read(write(Winners.ROWS)).getFirst();

        assertThat(header.stream().map(Cell::getText)).containsExactlyElementsOf(WinnerField.keys());
    }

    @Test
    void writesNumbersAsNumbersAndTextAsText() throws IOException {
        Row zhangWei = read(write(Winners.ROWS)).get(1);

        for (WinnerField field : WinnerField.values()) {
            Cell cell = zhangWei.getCell(field.ordinal());
            if (field == WinnerField.TITLE) {
                assertThat(cell == null || cell.getType() == CellType.EMPTY).as("absent title").isTrue();
            } else {
                assertThat(cell.getType()).as(field.key())
                        .isEqualTo(NUMBERS.contains(field) ? CellType.NUMBER : CellType.STRING);
            }
        }
        assertThat(zhangWei.getCell(WinnerField.ID_NUMBER.ordinal()).getText()).isEqualTo("11011219900307001X");
    }

    @Test
    void freezesABoldHeaderAndSizesTheColumns(@TempDir Path dir) throws IOException {
        Path xlsx = Files.write(dir.resolve("winners.xlsx"), write(Winners.ROWS));
        String sheet = entry(xlsx, "xl/worksheets/sheet1.xml");
        String styles = entry(xlsx, "xl/styles.xml");

        assertThat(sheet).contains("<pane xSplit=\"0\" ySplit=\"1\" topLeftCell=\"A2\"", "state=\"frozen\"");
        assertThat(sheet).contains("<col min=\"2\" max=\"2\" width=\"21");
        // The header's cells have the one style there is, a bold font; data cells have none.
        assertThat(sheet).contains("<c r=\"A1\" s=\"1\"", "<c r=\"U1\" s=\"1\"", "<c r=\"A2\" t=");
        assertThat(styles).contains("<cellXfs count=\"2\">", "fontId=\"1\"", "<font><b/>");
    }

    @Test
    void anEmptyListIsAHeaderAlone() throws IOException {
        assertThat(read(write(List.of()))).hasSize(1);
    }

    private static String text(Row row, String key) {
        // A row ends at its last written cell: an absent status is no cell at all.
        return row.getOptionalCell(WinnerField.keys().indexOf(key)).map(Cell::getRawValue).orElse(null);
    }

    static byte[] write(List<WinnerRow> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WinnerFormat.XLSX.write(rows.iterator(), out);
        return out.toByteArray();
    }

    static List<Row> read(byte[] xlsx) throws IOException {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            return workbook.getFirstSheet().read();
        }
    }

    /** An entry by the ZIP's central directory (fastexcel writes sizes after the data, as streams must). */
    private static String entry(Path zip, String name) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            return new String(file.getInputStream(file.getEntry(name)).readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
