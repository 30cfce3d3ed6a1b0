package org.craftmark.server.faults;

import io.vertx.core.json.JsonObject;
import org.craftmark.server.testing.Api;
import org.craftmark.server.testing.Backend;
import org.craftmark.server.testing.SeasonOverHttp;
import org.craftmark.server.testing.ServerProcess;
import org.craftmark.server.testing.TestDatabase;
import org.craftmark.server.testing.TestDatabases;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server process on MariaDB is killed with SIGKILL while the transaction of
 * {@code POST /contests/{id}/finalize} is open — seen in MariaDB's own {@code INNODB_TRX} to have
 * written rows, not guessed with a sleep — once in the suite ({@code craftmark.chaos.finalizeKills}),
 * 10 times in the soak, each time on a new contest. After the restart nothing of that
 * finalization is stored, or all of it: no entitlements, awards or certificates, no certificate
 * counter moved and the contest not FINAL — and the audit chain verifies. Finalizing again then
 * issues every certificate once, numbered without a gap, verifiable and in the contest's ZIP.
 */
@DisplayName("kill -9 in the middle of finalize: no half-issued certificates")
class KillNineDuringFinalizeTest {
    private static final int KILLS = Integer.getInteger("craftmark.chaos.finalizeKills", 1);
    /** 600 ranked people, 120 certificates: the finalize transaction stays open for seconds (about 2.5 s on 2 busy cores). */
    private static final int EVENTS = 20;
    private static final int PER_EVENT = 30;
    /** While the test watches, only the finalization writes this many rows in one transaction (a sign-in writes one). */
    private static final long ROWS_WRITTEN_BEFORE_KILL = 50;
    /** Should a finalization commit before the test sees it writing, the round is tried again on a new contest. */
    private static final int ATTEMPTS_PER_KILL = 3;
    private static final Duration BOUND = Duration.ofMinutes(2);

    @TempDir
    Path temp;
    private TestDatabase db;
    private ServerProcess server;
    private SeasonOverHttp season;
    private int port;
    private int starts;
    private int committedFirst;
    private int contests;
    /** What the watcher last saw the transaction write before each kill, for the figures. */
    private final List<Long> rowsSeenAtKills = new ArrayList<>();

    @Test
    @DisplayName("after a kill mid-finalize nothing or all of it is stored, the audit chain verifies, and finalizing again issues every certificate once")
    void finalizeIsAllOrNothingAcrossAKill() {
        port = ServerProcess.freePort();
        int certificates = 0;
        try (TestDatabase database = TestDatabases.fresh(Backend.MYSQL)) {
            db = database;
            start();
            try {
                payPrizes(season);
                for (int kill = 1; kill <= KILLS; kill++) {
                    certificates += killUntilCaughtMidTransaction(kill);
                }
            } finally {
                server.close();
            }
        }
        ChaosFigures.print("finalize-kill", "kills=" + KILLS + " caughtMidTransaction=" + KILLS + " committedFirst=" + committedFirst
                + " certificates=" + certificates + " half_issued=0 rowsSeenAtKills="
                + rowsSeenAtKills.stream().map(String::valueOf).collect(Collectors.joining(",")));
    }

    /** Answers the certificates finally issued for the contest whose finalization the kill caught open. */
    private int killUntilCaughtMidTransaction(int kill) {
        for (int attempt = 1; attempt <= ATTEMPTS_PER_KILL; attempt++) {
            ContestToFinalize contest = ContestToFinalize.published(season, "断电演练 " + kill + "-" + attempt, EVENTS, PER_EVENT,
                    contests++ * EVENTS * PER_EVENT);
            FinalizeFootprint before = FinalizeFootprint.of(db, contest.id());
            boolean caught = killDuringFinalize(contest, before);
            assertAuditVerifies(kill);
            assertThat(season.move(contest.id(), "finalize").getString("status")).isEqualTo("FINAL");
            int issued = IssuedOnce.assertComplete(season, db, contest, before).size();
            if (caught) {
                return issued;
            }
            committedFirst++;
        }
        throw new AssertionError("kill " + kill + ": every finalization committed before the test saw it writing; enlarge the contest");
    }

    /**
     * Starts the finalization, kills the server once its transaction has written rows, restarts it and
     * checks nothing or everything is stored; answers whether the kill caught the transaction open.
     */
    private boolean killDuringFinalize(ContestToFinalize contest, FinalizeFootprint before) {
        SeasonOverHttp beforeTheKill = season;
        try (OpenTransactions transactions = OpenTransactions.of(db)) {
            CompletableFuture<Api.Response> answer = CompletableFuture.supplyAsync(
                    () -> beforeTheKill.post("/api/v1/contests/" + contest.id() + "/finalize", new JsonObject()));
            long written = transactions.awaitWriting(ROWS_WRITTEN_BEFORE_KILL, answer::isDone, BOUND);
            server.kill();
            rowsSeenAtKills.add(written);
            // MariaDB rolls back what the dead connections left open; the next finalization would wait for it anyway.
            transactions.awaitNoneOpen(BOUND);
        }
        start();
        FinalizeFootprint after = FinalizeFootprint.of(db, contest.id());
        if (after.status().equals("FINAL")) {
            // It committed before the kill: then all of it must be there, before anyone finalizes again.
            IssuedOnce.assertComplete(season, db, contest, before);
            return false;
        }
        assertThat(after).as("the footprint of a finalization killed mid-transaction: nothing of it").isEqualTo(before);
        return true;
    }

    private void assertAuditVerifies(int kill) {
        Api.Response verify = season.api().get("/api/v1/audit/verify", season.admin());
        assertThat(verify.status()).as(verify.body()).isEqualTo(200);
        assertThat(verify.json().getBoolean("ok")).as("audit chain after kill " + kill + ": " + verify.body()).isTrue();
    }

    /** The regions, and a district plan paying gold, silver and bronze, so finalizing writes award rows too. */
    private static void payPrizes(SeasonOverHttp season) {
        season.regions();
        JsonObject district = new JsonObject().put("GOLD", 3000).put("SILVER", 2000).put("BRONZE", 1000).put("unit", 500);
        Api.Response put = season.api().put("/api/v1/regions/110112/award-policy",
                new JsonObject().put("tiers", new JsonObject().put("DISTRICT", district)), season.admin());
        assertThat(put.status()).as(put.body()).isEqualTo(200);
    }

    private void start() {
        try {
            Path dataDir = Files.createDirectories(temp.resolve("data"));
            server = ServerProcess.start(port, db, dataDir, temp.resolve("server-" + starts++ + ".log"));
            // A new client, signed in afresh: the one of the server before a kill holds dead connections.
            season = SeasonOverHttp.over(new Api(server.baseUrl()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
