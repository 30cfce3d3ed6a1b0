package org.craftmark.server.backup;

import io.vertx.core.json.JsonObject;
import org.craftmark.server.store.AuditStore;
import org.craftmark.server.store.Database;
import org.craftmark.server.store.Stores;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * Writes one contest to a {@link BackupFile}: its rows and the regions and users they need, read
 * in one snapshot so the file is consistent however busy the server is.
 *
 * <h2>The audit chain</h2>
 * The chain is global: each entry's prevHash is the entry before it, of whichever contest. A
 * contest's own entries alone cannot be verified (the links between them run through other
 * entries), so the backup holds the chain from its first entry up to the contest's last one, and a
 * restored database verifies that whole prefix from the genesis hash. The entries of other
 * contests in it carry no personal data (the audit log never does).
 */
public final class ContestBackup {
    /** What was written: rows per table and the audit chain's last seq. */
    public record Summary(long contestId, Map<String, Integer> rows, long auditLastSeq) {
    }

    private final Database db;
    private final Clock clock;

    public ContestBackup(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Writes contest {@code contestId} to {@code out} (closed at the end). */
    public Summary write(long contestId, OutputStream out) {
        String schemaVersion = db.schemaVersion();
        return db.snapshot(tx -> {
            if (tx.contests().find(contestId).isEmpty()) {
                throw new BackupException("there is no contest " + contestId);
            }
            try (BackupFile.Writer file = new BackupFile.Writer(out)) {
                return dump(tx, contestId, schemaVersion, file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private Summary dump(Stores tx, long contestId, String schemaVersion, BackupFile.Writer file) {
        AuditStore audit = tx.audit();
        long lastSeq = audit.lastSeqOf(contestId);
        file.header(new JsonObject().put("schemaVersion", schemaVersion)
                .put("createdAt", Instant.ofEpochMilli(clock.millis()).toString())
                .put("contestId", contestId)
                .put("audit", new JsonObject().put("chain", "prefix").put("lastSeq", lastSeq)));
        tx.backup().dumpContest(contestId, row -> file.row(row.table(), BackupFile.rowJson(row.values())));
        audit.scan(lastSeq, entry -> file.row(BackupFile.AUDIT, BackupFile.auditJson(entry)));
        return new Summary(contestId, file.finish(), lastSeq);
    }
}
