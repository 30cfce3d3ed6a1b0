package org.craftmark.server.faults;

import io.vertx.core.json.JsonObject;
import org.craftmark.core.marking.Criterion;
import org.craftmark.core.marking.Kind;
import org.craftmark.core.marking.Method;
import org.craftmark.judge.sdk.Ack;
import org.craftmark.judge.sdk.AckStatus;
import org.craftmark.judge.sdk.Backoff;
import org.craftmark.judge.sdk.JudgeClient;
import org.craftmark.judge.sdk.MarkDraft;
import org.craftmark.server.testing.Api;
import org.craftmark.server.testing.Backend;
import org.craftmark.server.testing.LiveScreen;
import org.craftmark.server.testing.MarkingFixture;
import org.craftmark.server.testing.TestServer;
import org.craftmark.server.testing.TestVertx;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Judges' tablets (the judge-client SDK) reach the server only through a {@link TcpProxy} that
 * delays chunks, drops connections, resets them mid-frame and leaves them half-open, seeded, while
 * the judges mark. However many faults ({@code craftmark.chaos.networkFaults}, at least 1,000):
 * every mark a tablet sent is stored exactly once under its clientMarkId, every tablet's outbox
 * drains, and the live screens, which reach {@code /ws/live} through a faulty proxy of their own and
 * come back with {@code since} as the big-screen page does, end showing what the REST leaderboard shows.
 */
@DisplayName("Network faults between the tablets and the server")
class NetworkFaultsBetweenJudgesAndServerTest {
    private static final long TARGET_FAULTS = Long.getLong("craftmark.chaos.networkFaults", 1_000);
    private static final long SEED = Long.getLong("craftmark.chaos.seed", 20261204L);
    private static final int JUDGES = 6;
    private static final int WAVE = 20;
    private static final List<String> BIBS = IntStream.rangeClosed(1, 10).mapToObj(i -> String.format("N%02d", i)).toList();
    /**
     * About one break per 100 chunks: each broken WebSocket costs its tablet a ticket, and tickets
     * are limited to 30 a minute per judge; delays are the bulk of the faults.
     */
    private static final FaultPlan PLAN = new FaultPlan(SEED, 0.4, Duration.ofMillis(40), 200, Duration.ofSeconds(3));
    /**
     * Screens cost no ticket to come back, so theirs break ten times as often: a connection lives at
     * most 20 chunks (frames, mostly), and each screen gets far more than that in a run.
     */
    private static final FaultPlan SCREEN_PLAN = new FaultPlan(SEED + 1, 0.4, Duration.ofMillis(40), 20, Duration.ofSeconds(3));
    private static final int SCREENS = 2;
    private static final List<TcpProxy.Fault> BREAKS = List.of(TcpProxy.Fault.DROP, TcpProxy.Fault.RESET, TcpProxy.Fault.HALF_OPEN);

    @TempDir
    Path temp;

    @Test
    @DisplayName("≥ 1,000 faults: zero lost, zero duplicated marks, live screens behind faults of their own = REST leaderboard")
    void nothingIsLostOrDoubledAndTheScreensConverge() throws Exception {
        List<Criterion> criteria = IntStream.rangeClosed(1, JUDGES).mapToObj(j -> new Criterion("C" + j, "M", "评分项 " + j,
                Kind.MEASUREMENT, BigDecimal.TEN, Method.SINGLE, 1)).toList();
        List<String> judges = IntStream.rangeClosed(1, JUDGES).mapToObj(j -> "net-judge-" + j).toList();
        try (TestServer server = TestServer.start(Backend.MYSQL);
             TcpProxy proxy = TcpProxy.start("127.0.0.1", URI.create(server.api().baseUrl()).getPort(), PLAN);
             TcpProxy screenProxy = TcpProxy.start("127.0.0.1", URI.create(server.api().baseUrl()).getPort(), SCREEN_PLAN)) {
            MarkingFixture season = MarkingFixture.create(server, criteria, List.of(), BIBS, judges);
            List<LiveScreen> screens = IntStream.range(0, SCREENS)
                    .mapToObj(i -> LiveScreen.following(TestVertx.shared(), "http://127.0.0.1:" + screenProxy.port(), season.eventId)).toList();
            List<JudgeClient> clients = new ArrayList<>();
            Map<String, List<CompletableFuture<Ack>>> sent = new LinkedHashMap<>();
            int waves = 0;
            try {
                for (String judge : judges) {
                    JudgeClient client = JudgeClient.builder().server("http://127.0.0.1:" + proxy.port()).username(judge)
                            .password(MarkingFixture.JUDGE_PASSWORD).deviceId("tablet-" + judge).outbox(temp.resolve(judge))
                            .vertx(TestVertx.shared()).backoff(new Backoff(Duration.ofMillis(50), Duration.ofSeconds(1), 0.5))
                            .pingInterval(Duration.ofSeconds(1)).requestTimeout(Duration.ofSeconds(5)).build();
                    clients.add(client);
                    sent.put(judge, new ArrayList<>());
                }
                for (JudgeClient client : clients) {
                    client.connect().toCompletionStage().toCompletableFuture().get(2, TimeUnit.MINUTES);
                }
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(Long.getLong("craftmark.chaos.networkMinutes", 2));
                while (proxy.injected() < TARGET_FAULTS && System.nanoTime() < deadline) {
                    List<CompletableFuture<Ack>> wave = new ArrayList<>();
                    for (int j = 0; j < JUDGES; j++) {
                        List<CompletableFuture<Ack>> marks = submitWave(clients.get(j), season, "C" + (j + 1), waves);
                        sent.get(judges.get(j)).addAll(marks);
                        wave.addAll(marks);
                    }
                    CompletableFuture.allOf(wave.toArray(CompletableFuture[]::new)).get(3, TimeUnit.MINUTES);
                    waves++;
                }
                proxy.stopInjecting();
                screenProxy.stopInjecting();
                for (JudgeClient client : clients) {
                    Poll.until(Duration.ofMinutes(1), "the outbox of " + client.outboxDirectory().getFileName() + " drains",
                            () -> client.pendingCount() == 0);
                }
            } finally {
                for (JudgeClient client : clients) {
                    client.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
                }
            }
            long faults = proxy.injected();
            assertThat(faults).as("faults injected").isGreaterThanOrEqualTo(TARGET_FAULTS);
            for (TcpProxy.Fault kind : List.of(TcpProxy.Fault.DELAY, TcpProxy.Fault.DROP, TcpProxy.Fault.RESET, TcpProxy.Fault.HALF_OPEN)) {
                assertThat(proxy.count(kind)).as(kind + " faults").isPositive();
            }
            int marks = 0;
            for (String judge : judges) {
                List<Ack> acks = sent.get(judge).stream().map(CompletableFuture::join).toList();
                assertThat(acks).extracting(Ack::status).allMatch(s -> s == AckStatus.ACCEPTED || s == AckStatus.DUPLICATE);
                List<String> stored = StoredMarks.clientMarkIds(server.database(), season.judges.get(judge));
                assertThat(stored).as("stored marks of " + judge).doesNotHaveDuplicates()
                        .containsExactlyInAnyOrderElementsOf(acks.stream().map(a -> a.clientMarkId().toString()).toList());
                marks += stored.size();
            }
            String admin = server.api().token("admin", TestServer.ADMIN_PASSWORD);
            Api.Response rest = server.api().get("/api/v1/events/" + season.eventId + "/leaderboard", admin);
            assertThat(rest.status()).as(rest.body()).isEqualTo(200);
            assertThat(BREAKS.stream().mapToLong(screenProxy::count).sum()).as("connections of the screens broken").isPositive();
            for (LiveScreen screen : screens) {
                screen.awaitSeq(rest.json().getLong("seq"));
                assertThat(screen.gaps()).isEmpty();
                assertThat(shown(screen.rows())).as("a live screen").isEqualTo(shown(rows(rest.json())));
                screen.close();
            }
            int resumes = screens.stream().mapToInt(LiveScreen::resumes).sum();
            assertThat(resumes).as("screens that came back with since").isPositive();
            ChaosFigures.print("network-faults", "faults=" + faults + " delays=" + proxy.count(TcpProxy.Fault.DELAY)
                    + " drops=" + proxy.count(TcpProxy.Fault.DROP) + " resets=" + proxy.count(TcpProxy.Fault.RESET)
                    + " halfOpen=" + proxy.count(TcpProxy.Fault.HALF_OPEN) + " connections=" + proxy.connections()
                    + " marks=" + marks + " lost=0 duplicates=0 screenFaults=" + screenProxy.injected()
                    + " screenBreaks=" + BREAKS.stream().mapToLong(screenProxy::count).sum() + " screenResumes=" + resumes);
        }
    }

    /** A wave of one judge's marks on its own criterion, across the entries; values move wave to wave. */
    private static List<CompletableFuture<Ack>> submitWave(JudgeClient client, MarkingFixture season, String criterion, int wave) {
        List<CompletableFuture<Ack>> acks = new ArrayList<>();
        for (int i = 0; i < WAVE; i++) {
            String value = ((i * 3 + wave * 7) % 10) + ".5";
            acks.add(client.submit(UUID.randomUUID(), MarkDraft.of(season.eventId, season.entry(BIBS.get(i % BIBS.size())), criterion, value))
                    .toCompletionStage().toCompletableFuture());
        }
        return acks;
    }

    private static List<JsonObject> rows(JsonObject board) {
        return board.getJsonArray("rows").stream().map(JsonObject.class::cast).toList();
    }

    /** rank, bib, total and completeness of each row, in order. */
    private static List<String> shown(List<JsonObject> rows) {
        Set<String> seen = new HashSet<>();
        return rows.stream().map(r -> r.getValue("rank") + " " + r.getString("bib") + " "
                + new BigDecimal(String.valueOf(r.getValue("total"))).stripTrailingZeros().toPlainString() + " " + r.getBoolean("complete"))
                .filter(seen::add).toList();
    }
}
