package org.craftmark.judge.cli;

import org.craftmark.judge.sdk.MarkDraft;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class MarkCsvTest {
    private static final UUID ID = UUID.fromString("0b6f4c1e-7d0e-4f43-9a55-2a1d9f0c1e11");

    @Test
    @DisplayName("rows become drafts with their line numbers; values stay exact")
    void readsRows() {
        MarkCsv.Parsed parsed = MarkCsv.parse("""
                eventId,entryId,criterion,value
                3,17,B1,17.5
                3,18,B1,0.1
                """);

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.rows()).containsExactly(
                new MarkCsv.Row(2, null, new MarkDraft(3, 17, "B1", new BigDecimal("17.5"))),
                new MarkCsv.Row(3, null, new MarkDraft(3, 18, "B1", new BigDecimal("0.1"))));
    }

    @Test
    @DisplayName("clientMarkId is optional per row; columns may come in any order; quotes and Excel's BOM are fine")
    void optionalIdsAndFormats() {
        MarkCsv.Parsed parsed = MarkCsv.parse("\uFEFFcriterion,value,eventId,entryId,clientMarkId\r\n"
                + "\"B1\",\"17.50\",3,17," + ID + "\r\n"
                + "B2,19,3,17,\r\n"
                + "B3,20,3,17\r\n");

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.rows()).extracting(MarkCsv.Row::clientMarkId).containsExactly(ID, null, null);
        assertThat(parsed.rows().getFirst().draft().value()).isEqualTo(new BigDecimal("17.50"));
    }

    @Test
    @DisplayName("every bad row is reported with its line number (blank lines counted), and no row is kept")
    void badRowsWithLineNumbers() {
        MarkCsv.Parsed parsed = MarkCsv.parse("""
                eventId,entryId,criterion,value,clientMarkId
                3,17,B1,17.5,%1$s

                x,17,B1,17.5,
                3,0,,17,5,
                3,17,B1,seventeen,not-a-uuid
                3,18,B1,1,%1$s
                3,19,B1
                """.formatted(ID));

        assertThat(parsed.rows()).isEmpty();
        assertThat(parsed.problems()).containsExactly(
                "line 4: eventId must be a positive whole number, not 'x'",
                "line 5: expected 5 fields, found 6",
                "line 6: value must be a number like 17.5, not 'seventeen'",
                "line 6: clientMarkId must be a UUID, not 'not-a-uuid'",
                "line 7: clientMarkId " + ID + " appears on an earlier line too",
                "line 8: expected 5 fields, found 3");
    }

    @Test
    @DisplayName("each problem of one row is named")
    void severalProblemsInOneRow() {
        MarkCsv.Parsed parsed = MarkCsv.parse("eventId,entryId,criterion,value\n-3,0,,\n");

        assertThat(parsed.problems()).containsExactly(
                "line 2: eventId must be a positive whole number, not '-3'",
                "line 2: entryId must be a positive whole number, not '0'",
                "line 2: criterion is empty",
                "line 2: value must be a number like 17.5, not ''");
    }

    @Test
    @DisplayName("a header without a required column, or with an unknown one, is refused at line 1")
    void badHeader() {
        MarkCsv.Parsed parsed = MarkCsv.parse("eventId,entryID,criterion,value\n3,17,B1,17.5\n");

        assertThat(parsed.rows()).isEmpty();
        assertThat(parsed.problems()).containsExactly(
                "line 1: the header has no entryId column",
                "line 1: unknown column 'entryID' (expected eventId,entryId,criterion,value[,clientMarkId])");
    }

    @Test
    @DisplayName("broken quoting is a problem, not a crash")
    void brokenQuoting() {
        MarkCsv.Parsed parsed = MarkCsv.parse("eventId,entryId,criterion,value\n3,17,\"B1,17.5\n");

        assertThat(parsed.rows()).isEmpty();
        assertThat(parsed.problems()).singleElement().asString().startsWith("not a readable CSV file");
    }
}
