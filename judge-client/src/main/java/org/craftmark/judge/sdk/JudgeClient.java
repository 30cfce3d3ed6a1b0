package org.craftmark.judge.sdk;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.craftmark.judge.outbox.PendingMark;
import org.craftmark.judge.outbox.RejectedMark;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A judge's marking client for Craftmark (see {@code docs/judge-protocol.md}): signs in, keeps a
 * WebSocket to {@code /ws/judge} open through flaky hall Wi-Fi, and delivers every mark the judge
 * enters exactly once.
 *
 * <p>Every mark is first written durably to the judge's outbox, then sent; it leaves the outbox only
 * when the server's ack settles it (ACCEPTED, DUPLICATE, or REJECTED, which keeps it under
 * {@code rejected/}). After any reconnect, and on the next start, whatever is still pending is sent
 * again; the server recognises repeats by their clientMarkId.
 *
 * <pre>{@code
 * JudgeClient client = JudgeClient.builder()
 *         .server("http://localhost:8080").username("judge1").password("secret")
 *         .outbox(Path.of("outbox/judge1"))
 *         .build();
 * Assignments assignments = client.connect().await();
 * Ack ack = client.submit(MarkDraft.of(3, 17, "B1", "17.5")).await();
 * client.close().await();
 * }</pre>
 *
 * <p>Methods may be called from any thread; futures complete and listeners run on the client's
 * Vert.x context, and must not block it.
 */
public interface JudgeClient {
    Duration DEFAULT_PING_INTERVAL = Duration.ofSeconds(15);
    /**
     * Evenly spaced, well below the server's 50 frames per second: hall Wi-Fi delays and bunches
     * frames, and the server counts them as they arrive. Plenty for marks entered by hand.
     */
    int DEFAULT_MAX_FRAMES_PER_SECOND = 20;
    Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    String DEFAULT_DEVICE_ID = "judge-client";
    /** {@code marks:batch} takes at most this many marks per request. */
    int MAX_BATCH = 1000;

    static Builder builder() {
        return new Builder();
    }

    /** {@code ~/.craftmark/outbox/<username>}: one outbox per judge. */
    static Path defaultOutbox(String username) {
        return Path.of(System.getProperty("user.home"), ".craftmark", "outbox", username);
    }

    /**
     * Connects and keeps reconnecting (backoff with jitter, a fresh ticket each time) until
     * {@link #close()}. Completes with the judge's assignments once the first connection is up and
     * the outbox has been resent; fails only on what retrying cannot fix (e.g. a wrong password:
     * {@link RequestRefusedException#permanent()}) or on close.
     */
    Future<Assignments> connect();

    /** {@link #submit(UUID, MarkDraft)} with a new random clientMarkId. */
    Future<Ack> submit(MarkDraft draft);

    /**
     * Writes the mark to the outbox (durably, before anything is sent), sends it when connected, and
     * completes with its ack, however many reconnects that takes. Submitting an id that is still
     * pending with the same content only waits for it. Fails when the outbox cannot be written, or
     * when the client closes first (the mark stays in the outbox).
     */
    Future<Ack> submit(UUID clientMarkId, MarkDraft draft);

    /**
     * Posts every pending mark to {@code POST /api/v1/marks:batch} (at most {@value #MAX_BATCH} per
     * request) and settles them by the acks, exactly as acks over the WebSocket do: for halls where
     * WebSockets are blocked. Completes with the acks, oldest mark first.
     */
    Future<List<Ack>> syncOverHttp();

    /** Marks written to the outbox and not yet settled by an ack. */
    int pendingCount();

    /** The pending marks, oldest first. */
    List<PendingMark> pending();

    /** The marks the server refused, with its reasons (read from the outbox's {@code rejected/}). */
    List<RejectedMark> rejected();

    ConnectionState state();

    /** The latest assignments, once connected. */
    Optional<Assignments> assignments();

    Path outboxDirectory();

    /** Called with the assignments at every (re)connection. */
    JudgeClient onAssignments(Consumer<? super Assignments> listener);

    /**
     * Called with every ack, after the outbox has recorded it. A mark that went out twice (across a
     * reconnect, or over both the WebSocket and {@link #syncOverHttp()}) may be acked twice:
     * ACCEPTED, then DUPLICATE.
     */
    JudgeClient onAck(Consumer<? super Ack> listener);

    /** Called with discrepancy, locked, unlocked and error pushes. */
    JudgeClient onPush(Consumer<? super Push> listener);

    JudgeClient onConnectionChange(Consumer<? super ConnectionChange> listener);

    /**
     * Disconnects, fails what is still waiting (the marks stay in the outbox for the next client),
     * releases the outbox, and closes Vert.x if the client created it.
     */
    Future<Void> close();

    /** Settings for a {@link JudgeClient}; server, username and password are required. */
    final class Builder {
        private ServerAddress server;
        private String username;
        private String password;
        private String deviceId = DEFAULT_DEVICE_ID;
        private Path outbox;
        private Clock clock = Clock.systemUTC();
        private Backoff backoff = Backoff.DEFAULT;
        private Vertx vertx;
        private Duration pingInterval = DEFAULT_PING_INTERVAL;
        private int maxFramesPerSecond = DEFAULT_MAX_FRAMES_PER_SECOND;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;

        private Builder() {
        }

        /**
         * The server's base URL, e.g. {@code http://localhost:8080}.
         *
         * @throws IllegalArgumentException when it is not an http:// or https:// URL
         */
        public Builder server(String baseUrl) {
            return server(URI.create(baseUrl));
        }

        public Builder server(URI baseUrl) {
            this.server = ServerAddress.of(baseUrl);
            return this;
        }

        public Builder username(String username) {
            this.username = username;
            return this;
        }

        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /** Sent in hello, so the server knows which tablet a mark came from. */
        public Builder deviceId(String deviceId) {
            this.deviceId = deviceId;
            return this;
        }

        /** The outbox folder; {@link #defaultOutbox(String)} when not set. */
        public Builder outbox(Path directory) {
            this.outbox = directory;
            return this;
        }

        /** Stamps the marks' creation and rejection times. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder backoff(Backoff backoff) {
            this.backoff = backoff;
            return this;
        }

        /** Runs on this Vert.x instead of creating (and later closing) its own. */
        public Builder vertx(Vertx vertx) {
            this.vertx = vertx;
            return this;
        }

        /** How often to ping; a ping unanswered by the next one drops the connection. */
        public Builder pingInterval(Duration interval) {
            this.pingInterval = interval;
            return this;
        }

        /** The pace of frames on the WebSocket, evenly spaced; keep it well under the server's 50. */
        public Builder maxFramesPerSecond(int frames) {
            this.maxFramesPerSecond = frames;
            return this;
        }

        /** For each HTTP request and WebSocket handshake. */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = timeout;
            return this;
        }

        /**
         * Opens the outbox (blocking briefly on disk) and makes the client; it connects only when
         * asked.
         *
         * @throws IllegalStateException   when the outbox is in use or holds another judge's marks
         * @throws java.io.UncheckedIOException when the outbox cannot be read or created
         */
        public JudgeClient build() {
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
            if (pingInterval.isNegative() || pingInterval.isZero()) {
                throw new IllegalArgumentException("the ping interval must be positive");
            }
            return new VertxJudgeClient(new Settings(server, username, password,
                    Objects.requireNonNull(deviceId, "deviceId"),
                    outbox == null ? defaultOutbox(username) : outbox,
                    Objects.requireNonNull(clock, "clock"), Objects.requireNonNull(backoff, "backoff"),
                    vertx, pingInterval, maxFramesPerSecond, Objects.requireNonNull(requestTimeout, "requestTimeout")));
        }
    }
}
