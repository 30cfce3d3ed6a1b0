package org.craftmark.bench.documents;

import org.craftmark.bench.intake.BenchDatabase;
import org.craftmark.server.privacy.IdNumberVault;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The least work that yields the same winner list: plain JDBC streaming the same join from MariaDB
 * (row by row, as the product's cursor does), each ID number opened with the same key, written to
 * a file as CSV by hand or as XLSX by fastexcel directly — no HTTP, no jOOQ, no row objects. The
 * baseline {@code csv_ratio} and {@code xlsx_ratio} compare the product's download with.
 */
final class BareExport {
    static final String[] HEADER = {"name", "idNumber", "employer", "trainingUnit", "contestId", "contest", "tier", "regionCode",
            "year", "occupationCode", "occupationName", "group", "rank", "total", "prize", "levelAwarded", "certificateNo", "title",
            "individualAward", "unitAward", "status"};
    private static final String SQL = """
            SELECT p.name, p.id_cipher, m.employer, m.training_unit, e.contest_id, c.name, c.tier, c.region_code, e.contest_year,
                   v.occupation_code, v.occupation_name, v.entry_group, e.entry_rank, e.entry_total, e.prize, e.level_awarded,
                   cert.number, e.title, e.individual_award, e.unit_award, cert.status
              FROM entitlements e
              JOIN persons p ON p.id = e.person_id
              JOIN entry_members m ON m.entry_id = e.entry_id AND m.position = e.member_position
              JOIN contests c ON c.id = e.contest_id
              JOIN events v ON v.id = e.event_id
              LEFT JOIN certificates cert ON cert.entitlement_id = e.id
             WHERE c.status = 'FINAL'
               AND (e.prize IS NOT NULL OR e.level_awarded IS NOT NULL OR e.title IS NOT NULL
                    OR e.individual_award > 0 OR e.unit_award > 0)
             ORDER BY c.contest_year DESC, c.id, v.id, e.entry_rank, e.entry_id, e.member_position""";
    private static final int ID_COLUMN = 2;
    private static final int[] NUMBER_COLUMNS = {5, 9, 13, 14, 19, 20};

    private final BenchDatabase db;
    private final IdNumberVault.Opener ids;

    BareExport(BenchDatabase db, IdNumberVault vault) {
        this.db = db;
        this.ids = vault.opener();
    }

    /** Writes the list as CSV (BOM, header, CRLF, RFC 4180 quotes where needed); answers the rows. */
    long csv(Path file) throws IOException, SQLException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file));
             Writer text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
            text.write('\uFEFF');
            text.write(String.join(",", HEADER));
            text.write("\r\n");
            return rows(r -> {
                for (int i = 1; i <= HEADER.length; i++) {
                    if (i > 1) {
                        text.write(',');
                    }
                    String value = i == ID_COLUMN ? ids.open(r.getString(i)) : r.getString(i);
                    if (value != null) {
                        text.write(quoted(value));
                    }
                }
                text.write("\r\n");
            });
        }
    }

    /** Writes the list as one XLSX sheet, inline strings, flushed every 1,000 rows; answers the rows. */
    long xlsx(Path file) throws IOException, SQLException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            Workbook workbook = new Workbook(out, "bare", null);
            Worksheet sheet = workbook.newWorksheet("winners");
            for (int i = 0; i < HEADER.length; i++) {
                sheet.inlineString(0, i, HEADER[i]);
            }
            int[] row = {0};
            long rows = rows(r -> {
                row[0]++;
                for (int i = 1; i <= HEADER.length; i++) {
                    if (isNumber(i)) {
                        java.math.BigDecimal number = r.getBigDecimal(i);
                        if (number != null) {
                            sheet.value(row[0], i - 1, number);
                        }
                    } else {
                        String value = i == ID_COLUMN ? ids.open(r.getString(i)) : r.getString(i);
                        if (value != null) {
                            sheet.inlineString(row[0], i - 1, value);
                        }
                    }
                }
                if (row[0] % 1_000 == 0) {
                    sheet.flush();
                }
            });
            workbook.finish();
            return rows;
        }
    }

    private static boolean isNumber(int column) {
        for (int n : NUMBER_COLUMNS) {
            if (n == column) {
                return true;
            }
        }
        return false;
    }

    private static String quoted(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return '"' + value.replace("\"", "\"\"") + '"';
            }
        }
        return value;
    }

    private interface RowWriter {
        void write(ResultSet row) throws IOException, SQLException;
    }

    private long rows(RowWriter writer) throws IOException, SQLException {
        try (Connection c = db.connect();
             Statement s = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            s.setFetchSize(Integer.MIN_VALUE); // Connector/J streams row by row, as the product's cursor asks
            long rows = 0;
            try (ResultSet r = s.executeQuery(SQL)) {
                while (r.next()) {
                    writer.write(r);
                    rows++;
                }
            }
            return rows;
        }
    }
}
