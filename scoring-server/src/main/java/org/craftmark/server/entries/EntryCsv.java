package org.craftmark.server.entries;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.craftmark.core.common.Problem;
import org.craftmark.core.common.RuleViolation;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The registration file organizers upload: UTF-8 (a BOM is fine), RFC 4180 quoting, header
 * {@code bib,name,idNumber,employer,trainingUnit,currentLevel}.
 */
final class EntryCsv {
    static final List<String> HEADER = List.of("bib", "name", "idNumber", "employer", "trainingUnit", "currentLevel");
    static final int MAX_ROWS = 10_000;
    private static final char BOM = '\uFEFF';

    /** One data row; {@code number} counts from 1 at the first row after the header. */
    record Row(int number, String bib, CompetitorForm competitor) {
    }

    private EntryCsv() {
    }

    static List<Row> parse(String text) {
        String csv = !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(csv), format)) {
            checkHeader(parser.getHeaderNames());
            List<Row> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (rows.size() == MAX_ROWS) {
                    throw new RuleViolation("rows", "a file holds at most " + MAX_ROWS + " rows");
                }
                rows.add(row(rows.size() + 1, record));
            }
            if (rows.isEmpty()) {
                throw new RuleViolation("rows", "the file has no data rows");
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            // commons-csv reports broken quoting and duplicate headers this way.
            throw new RuleViolation("csv", "cannot be read as CSV: " + e.getMessage());
        }
    }

    private static void checkHeader(List<String> header) {
        if (!header.equals(HEADER)) {
            throw new RuleViolation(List.of(new Problem("header", "must be " + String.join(",", HEADER))));
        }
    }

    private static Row row(int number, CSVRecord record) {
        if (record.size() != HEADER.size()) {
            throw new RuleViolation("row " + number, "has " + record.size() + " fields; the header has " + HEADER.size());
        }
        return new Row(number, record.get("bib"), new CompetitorForm(record.get("name"), record.get("idNumber"),
                record.get("employer"), record.get("trainingUnit"), record.get("currentLevel")));
    }
}
