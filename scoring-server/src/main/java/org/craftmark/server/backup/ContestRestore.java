package org.craftmark.server.backup;

import io.vertx.core.json.JsonObject;
import org.craftmark.server.audit.AuditLog;
import org.craftmark.server.audit.AuditService;
import org.craftmark.server.store.AuditStore;
import org.craftmark.server.store.BackupStore;
import org.craftmark.server.store.Database;
import org.craftmark.server.store.Stores;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts a {@link BackupFile} back into an empty database, in one transaction: a file that is
 * damaged, cut short or from a newer schema changes nothing. After the commit the audit chain is
 * verified (see {@link ContestBackup} for what it covers).
 */
public final class ContestRestore {
    /** What was restored; {@code detached} lists links to other contests' rows that were cleared. */
    public record Summary(long contestId, Map<String, Integer> rows, List<BackupStore.Detached> detached,
                          AuditService.Verification audit) {
    }

    private final Database db;

    public ContestRestore(Database db) {
        this.db = db;
    }

    /** Restores the backup read from {@code in} (closed at the end). */
    public Summary restore(InputStream in) {
        String schemaVersion = db.schemaVersion();
        Summary restored = db.transaction(tx -> {
            try (BackupFile.Reader file = new BackupFile.Reader(in)) {
                return restore(tx, file, schemaVersion);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return new Summary(restored.contestId(), restored.rows(), restored.detached(), new AuditService(db).verify());
    }

    private static Summary restore(Stores tx, BackupFile.Reader file, String schemaVersion) {
        JsonObject header = file.header();
        requireReadableSchema(header.getString("schemaVersion"), schemaVersion);
        requireEmpty(tx);
        List<BackupStore.Detached> detached = new ArrayList<>();
        Map<String, Integer> rows = new LinkedHashMap<>();
        String chainHash = AuditLog.GENESIS_HASH;
        for (JsonObject line = file.next(); line != null; line = file.next()) {
            String table = line.getString("table");
            JsonObject row = line.getJsonObject("row");
            if (table == null || row == null) {
                throw new BackupException("the backup holds a line that is neither a row nor the trailer");
            }
            if (BackupFile.AUDIT.equals(table)) {
                chainHash = appendLinked(tx, BackupFile.auditEntry(row), chainHash);
            } else {
                detached.addAll(insert(tx, table, row));
            }
            rows.merge(table, 1, Integer::sum);
        }
        return new Summary(header.getLong("contestId"), rows, detached, null);
    }

    private static List<BackupStore.Detached> insert(Stores tx, String table, JsonObject row) {
        try {
            return tx.backup().insert(BackupFile.row(table, row)).stream().toList();
        } catch (IllegalArgumentException unknownTableOrColumn) {
            throw new BackupException(unknownTableOrColumn.getMessage() + ": nothing was restored");
        }
    }

    /**
     * Appends one audit entry as it was stored, once it is shown to follow the one before and to
     * match its own hash, so no broken chain is ever committed; answers its hash.
     */
    private static String appendLinked(Stores tx, AuditLog.Entry entry, String previousHash) {
        if (!entry.prevHash().equals(previousHash) || !entry.hash().equals(entry.expectedHash())) {
            throw new BackupException("the backup's audit chain is broken at seq " + entry.seq() + ": nothing was restored");
        }
        tx.audit().appendAll(List.of(entry));
        return entry.hash();
    }

    /** A backup from a newer server may have columns this one lacks; an older one is read as it is. */
    private static void requireReadableSchema(String backup, String here) {
        if (backup == null || Long.parseLong(backup) > Long.parseLong(here)) {
            throw new BackupException("the backup's schema version " + backup + " is newer than this server's " + here
                    + ": restore it with the server version that wrote it");
        }
    }

    private static void requireEmpty(Stores tx) {
        Map<String, Integer> used = tx.backup().nonEmptyTables();
        AuditStore.Head head = tx.audit().lockHead();
        if (!used.isEmpty() || head.seq() != 0) {
            throw new BackupException("restore needs an empty database, but this one holds rows "
                    + (used.isEmpty() ? "" : used + " ") + "and " + head.seq() + " audit entries; "
                    + "create a new database and restore into it");
        }
    }
}
