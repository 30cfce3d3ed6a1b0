package org.craftmark.server.faults;

import org.craftmark.core.marking.Criterion;
import org.craftmark.core.marking.Kind;
import org.craftmark.core.marking.Method;
import org.craftmark.judge.sdk.Ack;
import org.craftmark.judge.sdk.AckStatus;
import org.craftmark.judge.sdk.Backoff;
import org.craftmark.judge.sdk.JudgeClient;
import org.craftmark.judge.sdk.MarkDraft;
import org.craftmark.judge.sdk.Push;
import org.craftmark.server.Craftmark;
import org.craftmark.server.store.DatabaseTimeouts;
import org.craftmark.server.testing.Api;
import org.craftmark.server.testing.Backend;
import org.craftmark.server.testing.MarkingFixture;
import org.craftmark.server.testing.TestDatabase;
import org.craftmark.server.testing.TestDatabases;
import org.craftmark.server.testing.TestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MariaDB is reached through a {@link TcpProxy}, which first stalls (connections open, nothing
 * moves: a hung switch) and later cuts (every connection reset, new ones refused) in the middle of
 * a judge's burst. Meanwhile {@code /health} says 503, marks are answered UNAVAILABLE and never
 * acknowledged, the tablet keeps them in its outbox, and no event loop is held; once the proxy lets
 * traffic through, the same server process recovers by itself and every mark is stored once.
 */
@DisplayName("The database stalls and is cut mid-burst")
class DatabaseOutageThroughAProxyTest {
    /** Short, so an outage shows within seconds; the defaults are for a venue, not a test. */
    static final DatabaseTimeouts SHORT = new DatabaseTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(4),
            Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ofSeconds(1));
    /** Stall-then-cut cycles: 1 in the suite, more in the soak ({@code craftmark.chaos.outageCycles}). */
    private static final int CYCLES = Integer.getInteger("craftmark.chaos.outageCycles", 1);
    private static final int BURST = 40;
    private static final int DURING_OUTAGE = 15;
    private static final List<String> BIBS = List.of("D01", "D02", "D03", "D04", "D05", "D06", "D07", "D08");
    private static final String JUDGE = "outage-judge";

    @TempDir
    Path temp;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    @DisplayName("503 and UNAVAILABLE during a stall and a cut, no event loop held, recovery without a restart, every mark once")
    void theServerRidesOutAStallAndACut() throws Exception {
        TestDatabase direct = TestDatabases.fresh(Backend.MYSQL);
        try (TcpProxy proxy = ProxiedDatabase.proxyFor(direct, FaultPlan.NONE);
             LogCapture logs = LogCapture.start();
             TestServer server = TestServer.startOn(ProxiedDatabase.through(direct, proxy), SHORT)) {
            Craftmark process = server.app();
            serverUrl = server.api().baseUrl();
            MarkingFixture season = MarkingFixture.create(server, List.of(new Criterion("A1", "A", "尺寸", Kind.MEASUREMENT,
                    BigDecimal.valueOf(30), Method.SINGLE, 1)), List.of(), BIBS, List.of(JUDGE));
            String judgeToken = server.api().token(JUDGE, MarkingFixture.JUDGE_PASSWORD);
            Set<UUID> ackedDuringOutage = ConcurrentHashMap.newKeySet();
            AtomicBoolean outage = new AtomicBoolean();
            AtomicInteger unavailable = new AtomicInteger();
            JudgeClient client = JudgeClient.builder().server(server.api().baseUrl()).username(JUDGE).password(MarkingFixture.JUDGE_PASSWORD)
                    .deviceId("tablet-outage").outbox(temp.resolve("outbox")).backoff(new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), 0.5))
                    .pingInterval(Duration.ofSeconds(2)).build();
            client.onAck(ack -> {
                if (outage.get()) {
                    ackedDuringOutage.add(ack.clientMarkId());
                }
            });
            client.onPush(push -> {
                if (push instanceof Push.ServerError error && "UNAVAILABLE".equals(error.error().code())) {
                    unavailable.incrementAndGet();
                }
            });
            List<CompletableFuture<Ack>> all = new ArrayList<>();
            Set<UUID> sentDuringOutage = ConcurrentHashMap.newKeySet();
            try {
                client.connect().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
                int n = 0;
                List<Runnable> outages = new ArrayList<>();
                for (int c = 0; c < CYCLES; c++) {
                    outages.add(proxy::stall);
                    outages.add(proxy::cut);
                }
                for (Runnable fault : outages) {
                    List<CompletableFuture<Ack>> burst = submit(client, season, n, BURST, null);
                    n += BURST;
                    all.addAll(burst);
                    Poll.until(Duration.ofSeconds(60), "a few acks before the outage", () -> burst.stream().filter(CompletableFuture::isDone).count() >= 5);
                    int refusedBefore = unavailable.get();
                    fault.run();
                    Poll.until(Duration.ofSeconds(30), "/health 503", () -> status("/health") == 503);
                    outage.set(true);
                    all.addAll(submit(client, season, n, DURING_OUTAGE, sentDuringOutage));
                    n += DURING_OUTAGE;
                    Poll.until(Duration.ofSeconds(30), "marks answered UNAVAILABLE", () -> unavailable.get() > refusedBefore);
                    Api.Response rest = server.api().postRaw("/api/v1/marks:batch", "{\"marks\":[]}", "application/json", judgeToken);
                    assertThat(rest.status()).as(rest.body()).isEqualTo(503);
                    assertThat(rest.errorCode()).isEqualTo("UNAVAILABLE");
                    for (int i = 0; i < 5; i++) {
                        assertThat(status("/metrics")).as("an event loop answers while the database is out").isEqualTo(200);
                    }
                    assertThat(status("/health")).isEqualTo(503);
                    assertThat(client.pendingCount()).as("the outbox keeps what was not acknowledged").isGreaterThanOrEqualTo(DURING_OUTAGE);
                    outage.set(false);
                    proxy.pass();
                    Poll.until(Duration.ofSeconds(30), "/health 200 again", () -> status("/health") == 200);
                    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(90, TimeUnit.SECONDS);
                }
                assertThat(client.pendingCount()).as("outbox after recovery").isZero();
            } finally {
                client.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            }
            assertThat(ackedDuringOutage).as("acks for marks sent while the database was out").doesNotContainAnyElementsOf(sentDuringOutage);
            assertThat(all).extracting(CompletableFuture::join).extracting(Ack::status)
                    .allMatch(s -> s == AckStatus.ACCEPTED || s == AckStatus.DUPLICATE);
            List<String> stored = StoredMarks.clientMarkIds(direct, season.judges.get(JUDGE));
            assertThat(stored).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(all.stream().map(f -> f.join().clientMarkId().toString()).toList());
            assertThat(server.app()).as("the same server process throughout").isSameAs(process);
            assertThat(logs.blockedThreadWarnings()).as("Vert.x blocked-thread warnings").isEmpty();
            ChaosFigures.print("database-outage", "outages=" + 2 * CYCLES + " marks=" + all.size() + " unavailable=" + unavailable.get()
                    + " lost=0 duplicates=" + (stored.size() - Set.copyOf(stored).size()));
        }
    }

    private static List<CompletableFuture<Ack>> submit(JudgeClient client, MarkingFixture season, int from, int count, Set<UUID> ids) {
        List<CompletableFuture<Ack>> acks = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            UUID id = UUID.randomUUID();
            if (ids != null) {
                ids.add(id);
            }
            MarkDraft mark = MarkDraft.of(season.eventId, season.entry(BIBS.get(i % BIBS.size())), "A1", (i % 30) + ".5");
            acks.add(client.submit(id, mark).toCompletionStage().toCompletableFuture());
        }
        return acks;
    }

    /** The status, or -1 when no answer came within 5 s (an event loop held, or the request lost). */
    private int status(String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(serverUrl + path)).timeout(Duration.ofSeconds(5)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private String serverUrl;
}
