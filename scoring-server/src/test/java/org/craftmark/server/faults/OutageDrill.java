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
import org.craftmark.judge.sdk.Push;
import org.craftmark.server.Craftmark;
import org.craftmark.server.store.DatabaseTimeouts;
import org.craftmark.server.testing.Api;
import org.craftmark.server.testing.LiveScreen;
import org.craftmark.server.testing.MarkingFixture;
import org.craftmark.server.testing.TestDatabase;
import org.craftmark.server.testing.TestServer;
import org.craftmark.server.testing.TestVertx;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.SQLException;
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
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One judge's tablet (the judge-client SDK, with its outbox) marking in bursts on a server while
 * the test takes the database away mid-burst and gives it back: the part the database-outage tests
 * share, whatever the outage is (a proxy's stall or cut, a real stop or kill -9 of MariaDB).
 * During each outage it checks 503 on {@code /health}, UNAVAILABLE for marks and never an ack,
 * the outbox keeping them, an event loop answering; after it, recovery in the same server process.
 */
final class OutageDrill implements AutoCloseable {
    /** Short, so an outage shows within seconds; the defaults are for a venue, not a test. */
    static final DatabaseTimeouts SHORT = new DatabaseTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(4),
            Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ofSeconds(1));
    static final MarkingScheme SCHEME = MarkingScheme.of(List.of(new Criterion("A1", "A", "尺寸", Kind.MEASUREMENT,
            BigDecimal.valueOf(30), Method.SINGLE, 1)), List.of());
    private static final int BURST = 40;
    private static final int DURING_OUTAGE = 15;
    /** Generous: recovery on a loaded 2-core machine, after a MariaDB restart with crash recovery. */
    private static final Duration RECOVERY = Duration.ofSeconds(90);
    private static final List<String> BIBS = List.of("D01", "D02", "D03", "D04", "D05", "D06", "D07", "D08");
    private static final String JUDGE = "outage-judge";

    final MarkingFixture season;
    private final TestServer server;
    private final Craftmark process;
    private final JudgeClient client;
    private final LogCapture logs = LogCapture.start();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<CompletableFuture<Ack>> all = new ArrayList<>();
    private final Set<UUID> sentDuringOutage = ConcurrentHashMap.newKeySet();
    private final Set<UUID> ackedDuringOutage = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean outage = new AtomicBoolean();
    private final AtomicInteger unavailable = new AtomicInteger();
    private final AtomicInteger internal = new AtomicInteger();
    /** How much of the burst was still unacknowledged as each fault struck: is it really mid-burst? */
    private final List<Integer> pendingAtFaults = new ArrayList<>();
    private final RequestsDuringOutage requests;
    /** A public screen on {@code /ws/live} through every outage: it must end showing the board, no seq lost. */
    private LiveScreen screen;

    private OutageDrill(TestServer server, Path outbox) {
        this.server = server;
        this.process = server.app();
        this.season = MarkingFixture.create(server, SCHEME.criteria(), List.of(), BIBS, List.of(JUDGE));
        this.requests = new RequestsDuringOutage(server, JUDGE, MarkingFixture.JUDGE_PASSWORD, season.eventId);
        this.client = JudgeClient.builder().server(server.api().baseUrl()).username(JUDGE).password(MarkingFixture.JUDGE_PASSWORD)
                .deviceId("tablet-outage").outbox(outbox).backoff(new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), 0.5))
                .pingInterval(Duration.ofSeconds(2)).build();
        client.onAck(ack -> {
            if (outage.get()) {
                ackedDuringOutage.add(ack.clientMarkId());
            }
        });
        client.onPush(this::count);
    }

    /** A season on {@code server} and its judge's tablet, connected. */
    static OutageDrill start(TestServer server, Path outbox) throws Exception {
        OutageDrill drill = new OutageDrill(server, outbox);
        try {
            drill.client.connect().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
            drill.screen = LiveScreen.open(TestVertx.shared(), server.api(), drill.season.eventId, null, null);
            return drill;
        } catch (Exception | Error e) {
            drill.close();
            throw e;
        }
    }

    /**
     * A burst; once a few of it are acknowledged, {@code fault} takes the database away; marks sent
     * then are refused and kept; {@code repair} gives it back and every mark so far is acknowledged.
     */
    void outage(String what, Runnable fault, Runnable repair) throws Exception {
        List<CompletableFuture<Ack>> burst = submit(BURST, null);
        Poll.until(Duration.ofSeconds(60), "a few acks before the " + what, () -> burst.stream().filter(CompletableFuture::isDone).count() >= 5);
        int refusedBefore = unavailable.get();
        pendingAtFaults.add(client.pendingCount());
        fault.run();
        Poll.until(Duration.ofSeconds(30), "/health 503 after the " + what, () -> status("/health") == 503);
        outage.set(true);
        submit(DURING_OUTAGE, sentDuringOutage);
        Poll.until(Duration.ofSeconds(30), "marks answered UNAVAILABLE during the " + what, () -> unavailable.get() > refusedBefore);
        assertRefusedWhileOut(what);
        outage.set(false);
        repair.run();
        Poll.until(RECOVERY, "/health 200 again after the " + what, () -> status("/health") == 200);
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(RECOVERY.toSeconds(), TimeUnit.SECONDS);
    }

    private void assertRefusedWhileOut(String what) throws Exception {
        requests.assertRetryable(what);
        for (int i = 0; i < 5; i++) {
            assertThat(status("/metrics")).as("an event loop answers during the " + what).isEqualTo(200);
        }
        assertThat(status("/health")).isEqualTo(503);
        assertThat(client.pendingCount()).as("the outbox keeps what was not acknowledged during the " + what)
                .isGreaterThanOrEqualTo(DURING_OUTAGE);
    }

    /**
     * After the outages: the outbox drained, nothing sent during an outage acknowledged then, every
     * acknowledged mark stored once (read from {@code direct}), no event loop or worker blocked, no
     * 500, and the same server process throughout.
     *
     * @return the stored marks that are a second copy of one (always 0 when this returns)
     */
    int assertEveryMarkOnce(TestDatabase direct) throws SQLException {
        assertThat(client.pendingCount()).as("outbox after recovery").isZero();
        assertThat(ackedDuringOutage).as("acks for marks sent while the database was out").doesNotContainAnyElementsOf(sentDuringOutage);
        assertThat(all).extracting(CompletableFuture::join).extracting(Ack::status)
                .allMatch(s -> s == AckStatus.ACCEPTED || s == AckStatus.DUPLICATE);
        List<String> stored = StoredMarks.clientMarkIds(direct, season.judges.get(JUDGE));
        assertThat(stored).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(all.stream().map(f -> f.join().clientMarkId().toString()).toList());
        assertLiveScreenShowsTheBoard();
        assertThat(server.app()).as("the same server process throughout").isSameAs(process);
        assertThat(logs.blockedThreadWarnings()).as("Vert.x blocked-thread warnings").isEmpty();
        assertThat(logs.internalErrors()).as("500s logged by the server").isEmpty();
        assertThat(internal.get()).as("INTERNAL errors pushed to the tablet").isZero();
        return stored.size() - Set.copyOf(stored).size();
    }

    private void assertLiveScreenShowsTheBoard() {
        Api api = server.api();
        Api.Response board = api.get("/api/v1/events/" + season.eventId + "/leaderboard", api.token("admin", TestServer.ADMIN_PASSWORD));
        assertThat(board.status()).as(board.body()).isEqualTo(200);
        screen.awaitSeq(board.json().getLong("seq"));
        assertThat(screen.gaps()).as("seq gaps on the live screen").isEmpty();
        assertThat(Recomputed.shown(new JsonObject().put("rows", new JsonArray(screen.rows())))).as("the live screen after the outages")
                .isEqualTo(Recomputed.shown(board.json()));
    }

    int marks() {
        return all.size();
    }

    /** Marks the outbox held as each fault struck, e.g. {@code 31/12}. */
    String pendingAtFaults() {
        return pendingAtFaults.stream().map(String::valueOf).collect(Collectors.joining("/"));
    }

    /** How many times the tablet was told UNAVAILABLE. */
    int unavailable() {
        return unavailable.get();
    }

    @Override
    public void close() throws Exception {
        try {
            client.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            if (screen != null) {
                screen.close();
            }
        } finally {
            logs.close();
        }
    }

    private void count(Push push) {
        if (push instanceof Push.ServerError error) {
            switch (error.error().code()) {
                case "UNAVAILABLE" -> unavailable.incrementAndGet();
                case "INTERNAL" -> internal.incrementAndGet();
                default -> {
                }
            }
        }
    }

    private List<CompletableFuture<Ack>> submit(int count, Set<UUID> ids) {
        List<CompletableFuture<Ack>> acks = new ArrayList<>();
        int from = all.size();
        for (int i = from; i < from + count; i++) {
            UUID id = UUID.randomUUID();
            if (ids != null) {
                ids.add(id);
            }
            MarkDraft mark = MarkDraft.of(season.eventId, season.entry(BIBS.get(i % BIBS.size())), "A1", (i % 30) + ".5");
            acks.add(client.submit(id, mark).toCompletionStage().toCompletableFuture());
        }
        all.addAll(acks);
        return acks;
    }

    /** The status, or -1 when no answer came within 5 s (an event loop held, or the request lost). */
    private int status(String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(server.api().baseUrl() + path)).timeout(Duration.ofSeconds(5)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
