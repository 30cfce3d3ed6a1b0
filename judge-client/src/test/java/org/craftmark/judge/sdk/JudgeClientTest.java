package org.craftmark.judge.sdk;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.craftmark.judge.outbox.Outbox;
import org.craftmark.judge.outbox.PendingMark;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The client without a server (the real-server tests live in scoring-server): marks are stored
 * before anything else, kept when nobody answers, and the client retries with backoff.
 */
class JudgeClientTest {
    private static final long WAIT_SECONDS = 10;
    private static final Instant NOW = Instant.parse("2026-11-21T09:30:00Z");
    /** Long enough that no retry happens while a test runs. */
    private static final Backoff SLOW = new Backoff(Duration.ofSeconds(60), Duration.ofSeconds(60), 0);

    private static Vertx vertx;

    @TempDir
    Path outbox;

    private final List<JudgeClient> clients = new ArrayList<>();

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() throws Exception {
        await(vertx.close());
    }

    @AfterEach
    void closeClients() throws Exception {
        for (JudgeClient client : clients) {
            await(client.close());
        }
    }

    @Test
    @DisplayName("submit() stores the mark in the outbox even with no server; the ack waits, the mark survives close")
    void submitStoresFirst() throws Exception {
        JudgeClient client = client(unusedPort());

        Future<Ack> ack = client.submit(MarkDraft.of(3, 17, "B1", "17.5"));
        await(client.close());

        assertThatThrownBy(() -> await(ack)).hasCauseInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stay in the outbox");
        List<PendingMark> kept = Outbox.read(outbox).pending();
        assertThat(kept).hasSize(1);
        assertThat(kept.getFirst().createdAt()).isEqualTo(NOW);
        assertThat(MarkJson.draft(kept.getFirst().mark())).isEqualTo(new MarkDraft(3, 17, "B1", new BigDecimal("17.5")));
    }

    @Test
    @DisplayName("a new client on the same outbox starts with the marks the last one left pending")
    void pendingAcrossRestarts() throws Exception {
        JudgeClient first = client(unusedPort());
        UUID id = UUID.randomUUID();
        first.submit(id, MarkDraft.of(3, 17, "B1", "17.5"));
        first.submit(MarkDraft.of(3, 18, "B1", "16"));
        await(first.close());

        JudgeClient second = client(unusedPort());

        assertThat(second.pendingCount()).isEqualTo(2);
        assertThat(second.pending().getFirst().clientMarkId()).isEqualTo(id);
    }

    @Test
    @DisplayName("an unreachable server is retried after the backoff, and connect() fails only on close")
    void retriesWhenUnreachable() throws Exception {
        JudgeClient client = client(unusedPort());
        CompletableFuture<ConnectionChange> down = new CompletableFuture<>();
        client.onConnectionChange(change -> {
            if (change.state() == ConnectionState.DISCONNECTED) {
                down.complete(change);
            }
        });

        Future<Assignments> connected = client.connect();
        ConnectionChange change = down.get(WAIT_SECONDS, TimeUnit.SECONDS);

        assertThat(change.retryIn()).isEqualTo(Duration.ofSeconds(60));
        assertThat(change.cause()).isNotNull();
        assertThat(connected.isComplete()).isFalse();
        await(client.close());
        assertThat(client.state()).isEqualTo(ConnectionState.CLOSED);
        assertThatThrownBy(() -> await(connected)).hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("syncOverHttp() fails when the server is unreachable, and the marks stay pending")
    void syncKeepsMarksOnFailure() throws Exception {
        JudgeClient client = client(unusedPort());
        client.submit(MarkDraft.of(3, 17, "B1", "17.5"));

        assertThatThrownBy(() -> await(client.syncOverHttp())).isInstanceOf(ExecutionException.class);
        assertThat(client.pendingCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("a second client cannot open an outbox that is in use")
    void oneClientPerOutbox() throws Exception {
        client(unusedPort());

        assertThatThrownBy(() -> client(unusedPort())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("in use");
    }

    @Test
    @DisplayName("the builder wants a server URL, a username and a password")
    void builderValidates() {
        assertThatThrownBy(() -> JudgeClient.builder().server("ftp://example.org"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JudgeClient.builder().server("http://localhost:8080").username("judge1").build())
                .isInstanceOf(NullPointerException.class).hasMessageContaining("password");
    }

    @Test
    @DisplayName("after close() nothing more is accepted")
    void closedRefuses() throws Exception {
        JudgeClient client = client(unusedPort());
        await(client.close());

        assertThatThrownBy(() -> await(client.submit(MarkDraft.of(3, 17, "B1", "1"))))
                .hasCauseInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> await(client.connect())).hasCauseInstanceOf(IllegalStateException.class);
    }

    private JudgeClient client(int port) {
        JudgeClient client = JudgeClient.builder()
                .server("http://127.0.0.1:" + port)
                .username("judge1")
                .password("secret")
                .deviceId("test")
                .outbox(outbox)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .backoff(SLOW)
                .vertx(vertx)
                .build();
        clients.add(client);
        return client;
    }

    /** A port nothing listens on: connecting is refused at once. */
    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
    }
}
