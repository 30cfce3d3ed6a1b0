package org.craftmark.server.faults;

import org.craftmark.server.testing.TestDatabase;
import org.craftmark.server.testing.TestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * The server's MariaDB (a {@link PrivateMariaDb} of this test's own, not the shared one) is really
 * stopped mid-burst, once cleanly (SIGTERM) and once with kill -9, and started again on the same
 * port and data directory. While it is down: {@code /health} 503, marks UNAVAILABLE and never
 * acknowledged, kept in the outbox, no event loop held, no 500; once it is back the same server
 * process recovers by itself (pool validation), every mark is stored once, the leaderboard equals
 * a recomputation and the audit chain verifies.
 */
@DisplayName("The database is stopped and killed mid-burst, then started again")
class DatabaseStopAndRestartTest {
    /** SIGTERM-then-kill-9 cycles: 1 in the suite, more in the soak ({@code craftmark.chaos.restartCycles}). */
    private static final int CYCLES = Integer.getInteger("craftmark.chaos.restartCycles", 1);

    @TempDir
    Path temp;

    @Test
    @DisplayName("503 and UNAVAILABLE while MariaDB is down, recovery without a server restart, every mark once, board and audit right")
    void theServerRidesOutARealDatabaseRestart() throws Exception {
        try (PrivateMariaDb mariadb = PrivateMariaDb.install();
             TestServer server = TestServer.startOn(mariadb.database(), OutageDrill.SHORT);
             OutageDrill drill = OutageDrill.start(server, temp.resolve("outbox"))) {
            for (int c = 0; c < CYCLES; c++) {
                drill.outage("stop (SIGTERM)", mariadb::stop, mariadb::start);
                drill.outage("kill -9", mariadb::kill9, mariadb::start);
            }
            TestDatabase db = mariadb.database();
            int duplicates = drill.assertEveryMarkOnce(db);
            BoardAndAudit.assertConsistent(server.api(), db, OutageDrill.SCHEME, drill.season.eventId, drill.season.entries,
                    "after the restarts");
            ChaosFigures.print("database-restart", "restarts=" + 2 * CYCLES + " marks=" + drill.marks() + " unavailable=" + drill.unavailable()
                    + " pendingAtFault=" + drill.pendingAtFaults() + " lost=0 duplicates=" + duplicates);
        }
    }
}
