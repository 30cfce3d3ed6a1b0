package org.craftmark.server.winners;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;

/** The formats of {@code GET /api/v1/winners?format=json|csv|xlsx}. */
public enum WinnerFormat {
    JSON("application/json", "json") {
        @Override
        public WinnerListWriter open(OutputStream out) throws IOException {
            return new JsonWinnerList(out);
        }
    },
    CSV("text/csv; charset=utf-8", "csv") {
        @Override
        public WinnerListWriter open(OutputStream out) throws IOException {
            return new CsvWinnerList(out);
        }
    },
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx") {
        @Override
        public WinnerListWriter open(OutputStream out) {
            return new XlsxWinnerList(out);
        }
    };

    private final String contentType;
    private final String extension;

    WinnerFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    /** The {@code Content-Type} of a response in this format. */
    public String contentType() {
        return contentType;
    }

    /** The file name extension, without the dot, e.g. for {@code Content-Disposition}. */
    public String extension() {
        return extension;
    }

    /** The format a {@code format} query parameter names ({@code json}, {@code csv}, {@code xlsx}; any case). */
    public static Optional<WinnerFormat> fromQuery(String format) {
        if (format == null) {
            return Optional.empty();
        }
        String wanted = format.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(candidate -> candidate.extension.equals(wanted)).findFirst();
    }

    /** A writer of this format on {@code out}; the header (if any) is written at once. */
    public abstract WinnerListWriter open(OutputStream out) throws IOException;

    /**
     * Writes every row and ends the document; {@code out} stays open.
     *
     * @return how many rows were written
     */
    public long write(Iterator<WinnerRow> rows, OutputStream out) throws IOException {
        long count = 0;
        try (WinnerListWriter writer = open(out)) {
            while (rows.hasNext()) {
                writer.write(rows.next());
                count++;
            }
        }
        return count;
    }
}
