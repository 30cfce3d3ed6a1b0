package org.craftmark.server.winners;

import java.io.IOException;
import java.io.OutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * One sheet: a bold, frozen header row of the JSON keys, then a row per winner, numbers as
 * numbers and text as text (an ID number stays 18 characters, not 1.1E+17).
 *
 * <p>Streams: rows are flushed into the (deflated) ZIP every {@value #FLUSH_EVERY} rows, and text
 * is written inline rather than in a shared-strings table, which would hold every distinct name
 * and ID number in memory until the end.
 */
final class XlsxWinnerList implements WinnerListWriter {
    static final int FLUSH_EVERY = 1_000;
    private static final String SHEET = "winners";

    private final OutputStream out;
    private final Workbook workbook;
    private final Worksheet sheet;
    private int row;

    XlsxWinnerList(OutputStream out) {
        this.out = out;
        workbook = new Workbook(out, "Craftmark", null);
        sheet = workbook.newWorksheet(SHEET);
        header();
    }

    /** Widths and the frozen pane go first: fastexcel writes them with the first flushed rows. */
    private void header() {
        WinnerField[] fields = WinnerField.values();
        for (WinnerField field : fields) {
            sheet.inlineString(0, field.ordinal(), field.key());
            sheet.width(field.ordinal(), field.width());
        }
        sheet.range(0, 0, 0, fields.length - 1).style().bold().set();
        sheet.freezePane(0, 1);
    }

    @Override
    public void write(WinnerRow winner) throws IOException {
        row++;
        for (WinnerField field : WinnerField.values()) {
            switch (field.valueOf(winner)) {
                case null -> { }
                case String text -> sheet.inlineString(row, field.ordinal(), text);
                case Number number -> sheet.value(row, field.ordinal(), number);
                case Object other -> throw new IllegalStateException("no cell for " + other.getClass());
            }
        }
        if (row % FLUSH_EVERY == 0) {
            sheet.flush();
        }
    }

    @Override
    public void close() throws IOException {
        // Finishing writes the ZIP's directory; fastexcel leaves the caller's stream open.
        workbook.finish();
        out.flush();
    }
}
