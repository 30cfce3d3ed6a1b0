package org.craftmark.server.faults;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.craftmark.core.marking.Criterion;
import org.craftmark.core.marking.Kind;
import org.craftmark.core.marking.MarkingScheme;
import org.craftmark.core.marking.Method;
import org.craftmark.judge.sdk.Ack;
import org.craftmark.judge.sdk.AckStatus;
import org.craftmark.judge.sdk.Backoff;
import org.craftmark.judge.sdk.JudgeClient;
import org.craftmark.judge.sdk.MarkDraft;
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

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server process on MariaDB is killed with SIGKILL in the middle of a judge's burst, again and
 * again ({@code craftmark.chaos.kills}, 3 in the suite, 20 in the soak). After every restart: each
 * acknowledged mark is stored exactly once, the judge's outbox drains, the leaderboard equals one
 * worked out again from the stored marks by the core's ranking, and the audit chain verifies.
 */
@DisplayName("kill -9 during a burst, again and again")
class RepeatedKillNineTest {
    private static final int KILLS = Integer.getInteger("craftmark.chaos.kills", 3);
    private static final int MARKS_PER_ROUND = 60;
    private static final int KILL_AFTER_ACKS = 15;
    private static final int ENTRIES = 12;
    private static final String JUDGE = "chaos-judge";
    private static final String JUDGE_PASSWORD = "chaos-pw-1";
    private static final MarkingScheme SCHEME = MarkingScheme.of(List.of(
            new Criterion("A1", "A", "尺寸", Kind.MEASUREMENT, BigDecimal.valueOf(30), Method.SINGLE, 1),
            new Criterion("B1", "B", "工艺", Kind.JUDGEMENT, BigDecimal.valueOf(20), Method.SINGLE, 1)), List.of());

    @TempDir
    Path temp;

    @Test
    @DisplayName("every acknowledged mark once, outbox drained, board = recomputation, audit ok — after every restart")
    void survivesEveryKill() throws Exception {
        int port = ServerProcess.freePort();
        Path dataDir = Files.createDirectories(temp.resolve("data"));
        try (TestDatabase db = TestDatabases.fresh(Backend.MYSQL)) {
            ServerProcess server = ServerProcess.start(port, db, dataDir, temp.resolve("server-0.log"));
            Setup setup = setUp(new Api(server.baseUrl()));
            List<Ack> acks = new ArrayList<>();
            JudgeClient client = JudgeClient.builder().server(server.baseUrl()).username(JUDGE).password(JUDGE_PASSWORD)
                    .deviceId("tablet-chaos").outbox(temp.resolve("outbox"))
                    .backoff(new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2), 0.5)).build();
            Set<UUID> ackedBeforeKill = ConcurrentHashMap.newKeySet();
            try {
                client.onAck(ack -> ackedBeforeKill.add(ack.clientMarkId()));
                client.connect().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
                for (int round = 1; round <= KILLS; round++) {
                    ackedBeforeKill.clear();
                    List<CompletableFuture<Ack>> burst = submitBurst(client, setup, round);
                    Poll.until(Duration.ofMinutes(2), "acks before kill " + round, () -> ackedBeforeKill.size() >= KILL_AFTER_ACKS);
                    server.kill();
                    Set<UUID> acknowledged = Set.copyOf(ackedBeforeKill);
                    assertThat(client.pendingCount()).as("marks still in the outbox at kill " + round).isPositive();
                    server = ServerProcess.start(port, db, dataDir, temp.resolve("server-" + round + ".log"));
                    for (CompletableFuture<Ack> ack : burst) {
                        acks.add(ack.get(3, TimeUnit.MINUTES));
                    }
                    assertThat(client.pendingCount()).as("outbox after restart " + round).isZero();
                    List<String> stored = StoredMarks.allClientMarkIds(db);
                    assertThat(stored).as("after restart " + round).hasSize(MARKS_PER_ROUND * round).doesNotHaveDuplicates()
                            .containsAll(acknowledged.stream().map(UUID::toString).toList());
                    BoardAndAudit.assertConsistent(new Api(server.baseUrl()), db, SCHEME, setup.eventId(), setup.bibs(), "after restart " + round);
                }
            } finally {
                client.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
                server.close();
            }
            assertThat(acks).extracting(Ack::status).allMatch(s -> s == AckStatus.ACCEPTED || s == AckStatus.DUPLICATE);
            ChaosFigures.print("kill-nine", "crashes=" + KILLS + " marks=" + acks.size() + " lost=0 duplicates=0");
        }
    }

    private record Setup(long eventId, Map<String, Long> bibs) {
    }

    /** Every entry gets both criteria in a round; values change from round to round (new versions). */
    private static List<CompletableFuture<Ack>> submitBurst(JudgeClient client, Setup setup, int round) {
        List<Long> entries = List.copyOf(setup.bibs().values());
        List<CompletableFuture<Ack>> acks = new ArrayList<>();
        for (int i = 0; i < MARKS_PER_ROUND; i++) {
            boolean a = (i / ENTRIES) % 2 == 0;
            String value = a ? ((i * 7 + round * 3) % 30) + ".5" : ((i * 5 + round) % 20) + ".25";
            MarkDraft mark = MarkDraft.of(setup.eventId(), entries.get(i % ENTRIES), a ? "A1" : "B1", value);
            acks.add(client.submit(mark).toCompletionStage().toCompletableFuture());
        }
        return acks;
    }

    /** A RUNNING district contest with the scheme above, its entries and the judge on the panel, over HTTP. */
    private static Setup setUp(Api api) {
        String admin = api.token("admin", TestServer.ADMIN_PASSWORD);
        long contest = Season.districtContest(api, admin, "反复断电演练");
        JsonObject scheme = new JsonObject().put("criteria", new JsonArray()
                        .add(Season.criterion("A1", "A", "MEASUREMENT", 30, "SINGLE", 1))
                        .add(Season.criterion("B1", "B", "JUDGEMENT", 20, "SINGLE", 1)))
                .put("tieBreak", new JsonArray());
        long event = Season.created(api.post("/api/v1/contests/" + contest + "/events", Season.individualEvent("6-18-01-01", "车工").put("scheme", scheme), admin));
        Map<String, Long> bibs = new LinkedHashMap<>();
        for (int i = 0; i < ENTRIES; i++) {
            String bib = String.format("R%02d", i);
            bibs.put(bib, Season.created(api.post("/api/v1/events/" + event + "/entries",
                    Season.individualEntry(bib, Season.competitor("选手" + i, Season.idNumber(900 + i), "某厂" + i)), admin)));
        }
        long judge = Season.created(api.post("/api/v1/users", new JsonObject().put("username", JUDGE).put("password", JUDGE_PASSWORD)
                .put("role", "JUDGE").put("displayName", "裁判").put("affiliation", "裁判单位"), admin));
        assertThat(api.post("/api/v1/events/" + event + "/panel", new JsonObject().put("userId", judge).put("role", "JUDGE"), admin).status())
                .isEqualTo(201);
        api.post("/api/v1/contests/" + contest + "/open", new JsonObject(), admin);
        assertThat(api.post("/api/v1/contests/" + contest + "/start", new JsonObject(), admin).status()).isEqualTo(200);
        return new Setup(event, bibs);
    }

}
