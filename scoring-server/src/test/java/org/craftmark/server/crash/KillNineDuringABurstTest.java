package org.craftmark.server.crash;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.craftmark.judge.sdk.Ack;
import org.craftmark.judge.sdk.AckStatus;
import org.craftmark.judge.sdk.JudgeClient;
import org.craftmark.judge.sdk.MarkDraft;
import org.craftmark.server.config.ServerConfig;
import org.craftmark.server.testing.Api;
import org.craftmark.server.testing.Backend;
import org.craftmark.server.testing.Season;
import org.craftmark.server.testing.ServerProcess;
import org.craftmark.server.testing.TestDatabase;
import org.craftmark.server.testing.TestDatabases;
import org.craftmark.server.testing.TestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server process is killed with SIGKILL in the middle of a judge's burst of marks and started
 * again: every mark acknowledged before the kill is in the database, the judge's client reconnects
 * by itself and drains its outbox, and no mark is stored twice — on MySQL and on the embedded H2.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(Backend.class)
@DisplayName("kill -9 during a burst of marks")
class KillNineDuringABurstTest {
    private static final int MARKS = 160;
    private static final int KILL_AFTER_ACKS = 50;
    private static final String JUDGE = "burst-judge";
    private static final String JUDGE_PASSWORD = "burst-pw-1";

    @Parameter
    Backend backend;

    @TempDir
    Path temp;

    @Test
    void everyAcknowledgedMarkSurvivesAndTheOutboxDrainsWithoutDuplicates() throws Exception {
        int port = ServerProcess.freePort();
        Path dataDir = Files.createDirectories(temp.resolve("data"));
        try (TestDatabase database = TestDatabases.fresh(backend)) {
            TestDatabase db = backend == Backend.H2 ? new TestDatabase(Backend.H2, null, "", "", dataDir, () -> { }) : database;
            ServerProcess server = ServerProcess.start(port, db, dataDir, temp.resolve("server-1.log"));
            Set<UUID> ackedBeforeKill = ConcurrentHashMap.newKeySet();
            List<Ack> acks;
            try {
                Setup setup = setUp(new Api(server.baseUrl()));
                CountDownLatch enough = new CountDownLatch(KILL_AFTER_ACKS);
                JudgeClient client = JudgeClient.builder().server(server.baseUrl()).username(JUDGE).password(JUDGE_PASSWORD)
                        .deviceId("tablet-burst").outbox(temp.resolve("outbox")).build();
                client.onAck(ack -> {
                    if (enough.getCount() > 0) {
                        ackedBeforeKill.add(ack.clientMarkId());
                    }
                    enough.countDown();
                });
                try {
                    client.connect().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
                    List<CompletableFuture<Ack>> pending = submitBurst(client, setup);
                    assertThat(enough.await(2, TimeUnit.MINUTES)).as("acks before the kill").isTrue();
                    server.kill();
                    assertThat(client.pendingCount()).as("marks still in the outbox at the kill").isPositive();
                    server = ServerProcess.start(port, db, dataDir, temp.resolve("server-2.log"));
                    acks = new ArrayList<>();
                    for (CompletableFuture<Ack> ack : pending) {
                        acks.add(ack.get(3, TimeUnit.MINUTES));
                    }
                    assertThat(client.pendingCount()).as("outbox after reconnecting").isZero();
                } finally {
                    client.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
                }
            } finally {
                server.close();
            }
            assertThat(acks).extracting(Ack::status).allMatch(s -> s == AckStatus.ACCEPTED || s == AckStatus.DUPLICATE);
            List<String> stored = storedClientMarkIds(db);
            assertThat(stored).hasSize(MARKS).doesNotHaveDuplicates();
            assertThat(stored).containsAll(ackedBeforeKill.stream().map(UUID::toString).toList());
        }
    }

    private record Setup(long eventId, List<Long> entries) {
    }

    private static List<CompletableFuture<Ack>> submitBurst(JudgeClient client, Setup setup) {
        List<CompletableFuture<Ack>> acks = new ArrayList<>();
        for (int i = 0; i < MARKS; i++) {
            long entry = setup.entries().get(i % setup.entries().size());
            MarkDraft mark = MarkDraft.of(setup.eventId(), entry, i % 2 == 0 ? "A1" : "B1", String.valueOf(i % 20) + ".5");
            acks.add(client.submit(mark).toCompletionStage().toCompletableFuture());
        }
        return acks;
    }

    /** A RUNNING district contest with 20 entries and the judge on its panel, set up over HTTP. */
    private static Setup setUp(Api api) {
        String admin = api.token("admin", TestServer.ADMIN_PASSWORD);
        long contest = Season.districtContest(api, admin, "断电演练");
        JsonObject scheme = new JsonObject().put("criteria", new JsonArray()
                        .add(Season.criterion("A1", "A", "MEASUREMENT", 30, "SINGLE", 1))
                        .add(Season.criterion("B1", "B", "JUDGEMENT", 20, "MEAN", 2)))
                .put("tieBreak", new JsonArray());
        long event = Season.created(api.post("/api/v1/contests/" + contest + "/events", Season.individualEvent("6-18-01-01", "车工").put("scheme", scheme), admin));
        List<Long> entries = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            entries.add(Season.created(api.post("/api/v1/events/" + event + "/entries",
                    Season.individualEntry(String.format("K%02d", i), Season.competitor("选手" + i, Season.idNumber(700 + i), "某厂")), admin)));
        }
        long judge = Season.created(api.post("/api/v1/users", new JsonObject().put("username", JUDGE).put("password", JUDGE_PASSWORD)
                .put("role", "JUDGE").put("displayName", "裁判").put("affiliation", "裁判单位"), admin));
        assertThat(api.post("/api/v1/events/" + event + "/panel", new JsonObject().put("userId", judge).put("role", "JUDGE"), admin).status())
                .isEqualTo(201);
        api.post("/api/v1/contests/" + contest + "/open", new JsonObject(), admin);
        assertThat(api.post("/api/v1/contests/" + contest + "/start", new JsonObject(), admin).status()).isEqualTo(200);
        return new Setup(event, entries);
    }


    /** Read straight from the database, after the server has stopped. */
    private static List<String> storedClientMarkIds(TestDatabase db) throws SQLException {
        String url = db.jdbcUrl().orElseGet(() -> ServerConfig.embeddedH2Url(db.dataDir()));
        try (Connection c = DriverManager.getConnection(url, db.user(), db.password());
             Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT client_mark_id FROM marks")) {
            List<String> ids = new ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
            return ids;
        }
    }
}
