package org.craftmark.bench.documents;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** What a downloaded winner list holds, checked after the clock stopped: rows, each with a full ID number. */
final class DownloadCheck {
    private static final Pattern ID_NUMBER = Pattern.compile("\\d{17}[\\dX]");
    private static final String SHEET = "xl/worksheets/sheet1.xml";

    private DownloadCheck() {
    }

    /** Data rows of a CSV list; fails on a header that is not the contract's or a row without an ID number. */
    static long csvRows(Path file) throws IOException {
        long rows = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null || !header.equals("\uFEFF" + String.join(",", BareExport.HEADER))) {
                throw new IllegalStateException("not the winner list's header: " + header);
            }
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] fields = line.split(",", -1);
                if (fields.length < 2 || !ID_NUMBER.matcher(fields[1]).matches()) {
                    throw new IllegalStateException("row " + (rows + 1) + " has no full ID number");
                }
                rows++;
            }
        }
        return rows;
    }

    /** Data rows of an XLSX list: {@code <row} elements of its one sheet, less the header row. */
    static long xlsxRows(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry sheet = zip.getEntry(SHEET);
            if (sheet == null) {
                throw new IllegalStateException("no " + SHEET + " in the XLSX");
            }
            try (InputStream in = zip.getInputStream(sheet)) {
                return count(in, "<row ".getBytes(StandardCharsets.US_ASCII)) - 1;
            }
        }
    }

    private static long count(InputStream in, byte[] needle) throws IOException {
        long found = 0;
        int matched = 0;
        byte[] buffer = new byte[64 * 1024];
        for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
            for (int i = 0; i < n; i++) {
                matched = buffer[i] == needle[matched] ? matched + 1 : (buffer[i] == needle[0] ? 1 : 0);
                if (matched == needle.length) {
                    found++;
                    matched = 0;
                }
            }
        }
        return found;
    }
}
