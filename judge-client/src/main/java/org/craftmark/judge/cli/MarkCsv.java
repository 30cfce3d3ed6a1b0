package org.craftmark.judge.cli;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.craftmark.judge.sdk.MarkDraft;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Marks from a CSV file with the header {@code eventId,entryId,criterion,value[,clientMarkId]}. Every
 * row is checked before anything is sent, and each problem names its line, so a typo in row 212
 * does not leave half a file entered.
 */
final class MarkCsv {
    static final List<String> REQUIRED = List.of("eventId", "entryId", "criterion", "value");
    static final String CLIENT_MARK_ID = "clientMarkId";

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get();

    /**
     * One row.
     *
     * @param line         its line in the file
     * @param clientMarkId from the file, so that replaying it again is answered DUPLICATE; null for a new id
     */
    record Row(long line, UUID clientMarkId, MarkDraft draft) {
    }

    /** The rows, or the problems ({@code line 7: eventId must be …}) when there are any. */
    record Parsed(List<Row> rows, List<String> problems) {
        Parsed {
            rows = List.copyOf(rows);
            problems = List.copyOf(problems);
        }
    }

    private MarkCsv() {
    }

    static Parsed read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    static Parsed parse(String text) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text; // Excel's byte-order mark
        Lines lines = new Lines(content);
        List<Row> rows = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(content), FORMAT)) {
            problems.addAll(headerProblems(parser.getHeaderNames()));
            if (!problems.isEmpty()) {
                return new Parsed(List.of(), problems);
            }
            Set<UUID> ids = new HashSet<>();
            int columns = parser.getHeaderNames().size();
            for (CSVRecord record : parser) {
                new RowReader(lines.of(record.getCharacterPosition()), record, columns, ids).read(rows, problems);
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            problems.add("not a readable CSV file: " + e.getMessage());
        }
        return new Parsed(problems.isEmpty() ? rows : List.of(), problems);
    }

    private static List<String> headerProblems(List<String> header) {
        List<String> problems = new ArrayList<>();
        REQUIRED.stream().filter(column -> !header.contains(column))
                .forEach(column -> problems.add("line 1: the header has no " + column + " column"));
        header.stream().filter(column -> !REQUIRED.contains(column) && !column.equals(CLIENT_MARK_ID))
                .forEach(column -> problems.add("line 1: unknown column '" + column + "' (expected "
                        + String.join(",", REQUIRED) + "[," + CLIENT_MARK_ID + "])"));
        return problems;
    }

    /** Reads one record, noting each problem with its line. */
    private record RowReader(long line, CSVRecord record, int columns, Set<UUID> idsSoFar) {

        void read(List<Row> rows, List<String> problems) {
            List<String> found = new ArrayList<>();
            // A row may leave out a trailing clientMarkId; nothing else.
            if (record.size() > columns || !REQUIRED.stream().allMatch(record::isSet)) {
                found.add("expected " + columns + " fields, found " + record.size());
            } else {
                Long eventId = positive("eventId", found);
                Long entryId = positive("entryId", found);
                String criterion = text("criterion", found);
                BigDecimal value = decimal("value", found);
                UUID clientMarkId = clientMarkId(found);
                if (found.isEmpty()) {
                    rows.add(new Row(line, clientMarkId, new MarkDraft(eventId, entryId, criterion, value)));
                }
            }
            found.forEach(problem -> problems.add("line " + line + ": " + problem));
        }

        private Long positive(String column, List<String> found) {
            String text = record.get(column);
            try {
                long id = Long.parseLong(text);
                if (id > 0) {
                    return id;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            found.add(column + " must be a positive whole number, not '" + text + "'");
            return null;
        }

        private String text(String column, List<String> found) {
            String text = record.get(column);
            if (text.isEmpty()) {
                found.add(column + " is empty");
            }
            return text;
        }

        private BigDecimal decimal(String column, List<String> found) {
            String text = record.get(column);
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                found.add(column + " must be a number like 17.5, not '" + text + "'");
                return null;
            }
        }

        private UUID clientMarkId(List<String> found) {
            String text = record.isSet(CLIENT_MARK_ID) ? record.get(CLIENT_MARK_ID) : "";
            if (text.isEmpty()) {
                return null;
            }
            try {
                UUID id = UUID.fromString(text);
                if (!idsSoFar.add(id)) {
                    found.add(CLIENT_MARK_ID + " " + id + " appears on an earlier line too");
                }
                return id;
            } catch (IllegalArgumentException e) {
                found.add(CLIENT_MARK_ID + " must be a UUID, not '" + text + "'");
                return null;
            }
        }
    }

    /** Line numbers of records, counted the way an editor shows them (from 1). */
    private static final class Lines {
        private final String text;
        private final TreeMap<Integer, Integer> lineStarts = new TreeMap<>();

        Lines(String text) {
            this.text = text;
            int line = 1;
            lineStarts.put(0, line);
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    lineStarts.put(i + 1, ++line);
                }
            }
        }

        /** The line a record starts on; its position may lie before the blank lines skipped to reach it. */
        int of(long position) {
            int start = (int) position;
            while (start < text.length() && (text.charAt(start) == '\n' || text.charAt(start) == '\r')) {
                start++;
            }
            return lineStarts.floorEntry(start).getValue();
        }
    }
}
