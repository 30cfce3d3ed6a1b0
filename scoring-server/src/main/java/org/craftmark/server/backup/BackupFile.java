package org.craftmark.server.backup;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import org.craftmark.server.audit.AuditLog;
import org.craftmark.server.store.BackupStore;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A contest backup file: gzip'd JSON lines. The first line is the header ({@code format},
 * {@code formatVersion}, {@code schemaVersion}, {@code createdAt}, the contest, the audit chain's
 * last seq and hash); then one line per row, {@code {"table": …, "row": {…}}}, with the audit
 * entries as table {@value #AUDIT}; the last line is the trailer: the row count of each table and
 * the SHA-256 of every line before it (the bytes as written, newlines included). A file cut short
 * has no trailer, and a changed byte fails the checksum.
 */
final class BackupFile {
    static final String FORMAT = "craftmark-contest-backup";
    static final int FORMAT_VERSION = 1;
    static final String AUDIT = "audit_log";

    private BackupFile() {
    }

    /** The JSON of a stored value: decimals as text, so that no mark goes through a double. */
    static JsonObject rowJson(Map<String, Object> values) {
        JsonObject row = new JsonObject();
        values.forEach((column, value) -> row.put(column, value instanceof BigDecimal d ? d.toPlainString() : value));
        return row;
    }

    static BackupStore.Row row(String table, JsonObject json) {
        Map<String, Object> values = new LinkedHashMap<>();
        json.forEach(e -> values.put(e.getKey(), e.getValue()));
        return new BackupStore.Row(table, values);
    }

    static JsonObject auditJson(AuditLog.Entry e) {
        return new JsonObject().put("seq", e.seq()).put("at", e.at().toEpochMilli()).put("actor", e.actor())
                .put("action", e.action()).put("subject", e.subject()).put("contestId", e.contestId()).put("data", e.data())
                .put("prevHash", e.prevHash()).put("hash", e.hash());
    }

    static AuditLog.Entry auditEntry(JsonObject j) {
        return new AuditLog.Entry(j.getLong("seq"), Instant.ofEpochMilli(j.getLong("at")), j.getString("actor"),
                j.getString("action"), j.getString("subject"), j.getLong("contestId"), j.getString("data"),
                j.getString("prevHash"), j.getString("hash"));
    }

    /** Writes lines and keeps their checksum and counts for the trailer. */
    static final class Writer implements AutoCloseable {
        private final BufferedWriter out;
        private final MessageDigest sha = sha256();
        private final Map<String, Integer> counts = new LinkedHashMap<>();

        Writer(OutputStream target) throws IOException {
            this.out = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(target), StandardCharsets.UTF_8));
        }

        void header(JsonObject header) {
            line(header.put("format", FORMAT).put("formatVersion", FORMAT_VERSION));
        }

        void row(String table, JsonObject row) {
            counts.merge(table, 1, Integer::sum);
            line(new JsonObject().put("table", table).put("row", row));
        }

        /** Writes the trailer; answers the row counts. */
        Map<String, Integer> finish() {
            JsonObject rows = new JsonObject();
            counts.forEach(rows::put);
            String checksum = HexFormat.of().formatHex(sha.digest());
            write(new JsonObject().put("end", true).put("rows", rows).put("sha256", checksum).encode() + "\n");
            return Map.copyOf(counts);
        }

        private void line(JsonObject json) {
            String line = json.encode() + "\n";
            sha.update(line.getBytes(StandardCharsets.UTF_8));
            write(line);
        }

        private void write(String text) {
            try {
                out.write(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** Reads lines, checking the checksum and counts when the trailer comes. */
    static final class Reader implements AutoCloseable {
        private final BufferedReader in;
        private final MessageDigest sha = sha256();
        private final Map<String, Integer> counts = new LinkedHashMap<>();
        private boolean ended;

        Reader(InputStream source) throws IOException {
            this.in = new BufferedReader(new InputStreamReader(new GZIPInputStream(source), StandardCharsets.UTF_8));
        }

        JsonObject header() {
            JsonObject header = next();
            if (header == null || !FORMAT.equals(header.getString("format"))) {
                throw new BackupException("this is not a Craftmark contest backup");
            }
            if (!Integer.valueOf(FORMAT_VERSION).equals(header.getInteger("formatVersion"))) {
                throw new BackupException("backup format version " + header.getValue("formatVersion") + " is not "
                        + FORMAT_VERSION + ", the one this server reads");
            }
            return header;
        }

        /** The next row line, or null after the trailer (which is checked then). */
        JsonObject next() {
            String line = readLine();
            if (line == null) {
                throw new BackupException("the backup ends early (no trailer): the file is incomplete");
            }
            JsonObject json = parse(line);
            if (json.getBoolean("end", false)) {
                checkTrailer(json);
                return null;
            }
            sha.update((line + "\n").getBytes(StandardCharsets.UTF_8));
            if (json.containsKey("table")) {
                counts.merge(json.getString("table"), 1, Integer::sum);
            }
            return json;
        }

        private void checkTrailer(JsonObject trailer) {
            String checksum = HexFormat.of().formatHex(sha.digest());
            if (!checksum.equals(trailer.getString("sha256"))) {
                throw new BackupException("the backup's checksum does not match: the file was changed or damaged");
            }
            JsonObject counted = new JsonObject();
            counts.forEach(counted::put);
            if (!counted.equals(trailer.getJsonObject("rows"))) {
                throw new BackupException("the backup's row counts do not match its trailer");
            }
            ended = true;
        }

        boolean ended() {
            return ended;
        }

        private String readLine() {
            try {
                return ended ? null : in.readLine();
            } catch (IOException e) {
                throw new BackupException("the backup cannot be read: " + e.getMessage());
            }
        }

        private static JsonObject parse(String line) {
            try {
                return new JsonObject(line);
            } catch (DecodeException e) {
                throw new BackupException("the backup holds a line that is not JSON: the file is damaged");
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
