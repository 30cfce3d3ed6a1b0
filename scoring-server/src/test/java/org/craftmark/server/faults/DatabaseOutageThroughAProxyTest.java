package org.craftmark.server.faults;

import org.craftmark.server.testing.Backend;
import org.craftmark.server.testing.TestDatabase;
import org.craftmark.server.testing.TestDatabases;
import org.craftmark.server.testing.TestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * MariaDB is reached through a {@link TcpProxy}, which first stalls (connections open, nothing
 * moves: a hung switch) and later cuts (every connection reset, new ones refused) in the middle of
 * a judge's burst. Meanwhile {@code /health} says 503, marks are answered UNAVAILABLE and never
 * acknowledged, the tablet keeps them in its outbox, and no event loop is held; once the proxy lets
 * traffic through, the same server process recovers by itself and every mark is stored once
 * (the checks are {@link OutageDrill}'s).
 */
@DisplayName("The database stalls and is cut mid-burst")
class DatabaseOutageThroughAProxyTest {
    /** Stall-then-cut cycles: 1 in the suite, more in the soak ({@code craftmark.chaos.outageCycles}). */
    private static final int CYCLES = Integer.getInteger("craftmark.chaos.outageCycles", 1);

    @TempDir
    Path temp;

    @Test
    @DisplayName("503 and UNAVAILABLE during a stall and a cut, no event loop held, recovery without a restart, every mark once")
    void theServerRidesOutAStallAndACut() throws Exception {
        TestDatabase direct = TestDatabases.fresh(Backend.MYSQL);
        try (TcpProxy proxy = ProxiedDatabase.proxyFor(direct, FaultPlan.NONE);
             TestServer server = TestServer.startOn(ProxiedDatabase.through(direct, proxy), OutageDrill.SHORT);
             OutageDrill drill = OutageDrill.start(server, temp.resolve("outbox"))) {
            for (int c = 0; c < CYCLES; c++) {
                drill.outage("stall", proxy::stall, proxy::pass);
                drill.outage("cut", proxy::cut, proxy::pass);
            }
            int duplicates = drill.assertEveryMarkOnce(direct);
            ChaosFigures.print("database-outage", "outages=" + 2 * CYCLES + " marks=" + drill.marks() + " unavailable=" + drill.unavailable()
                    + " pendingAtFault=" + drill.pendingAtFaults() + " lost=0 duplicates=" + duplicates);
        }
    }
}
