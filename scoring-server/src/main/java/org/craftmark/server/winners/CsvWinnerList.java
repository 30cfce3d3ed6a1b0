package org.craftmark.server.winners;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * RFC 4180 CSV for spreadsheets: UTF-8 with a byte-order mark (without one, Excel and WPS read the
 * Chinese as the local code page), a header row of the JSON keys, CRLF line ends, quotes where a
 * value needs them. Absent values are empty fields.
 *
 * <p><b>CSV injection.</b> A spreadsheet runs a cell that starts with {@code = + - @} (or a tab or
 * carriage return) as a formula, so a name or an employer such as {@code =HYPERLINK(...)} could act
 * on the HR officer's machine. Such text values get a leading {@code '} — the mark spreadsheets
 * themselves use for "this is text" — and are otherwise left alone. Numbers (ids, year, rank, total,
 * money) are never changed: they are written by the server, not typed by people, and none is
 * negative.
 */
final class CsvWinnerList implements WinnerListWriter {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader(WinnerField.keys().toArray(String[]::new))
            .get();
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final Writer text;
    private final CSVPrinter csv;

    CsvWinnerList(OutputStream out) throws IOException {
        out.write(BOM);
        text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        csv = new CSVPrinter(text, FORMAT);
    }

    @Override
    public void write(WinnerRow row) throws IOException {
        for (WinnerField field : WinnerField.values()) {
            csv.print(cell(field.valueOf(row)));
        }
        csv.println();
    }

    private static String cell(Object value) {
        return switch (value) {
            case null -> null;
            case String text -> defused(text);
            case BigDecimal decimal -> decimal.toPlainString();
            default -> value.toString();
        };
    }

    /** {@code '=1+1} for {@code =1+1}: shown as the text it is, never evaluated. */
    static String defused(String text) {
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    @Override
    public void close() throws IOException {
        // Flush, not close: closing the printer would close the caller's stream.
        csv.flush();
        text.flush();
    }
}
