package org.craftmark.judge.sdk;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
import org.craftmark.judge.outbox.Outbox;
import org.craftmark.judge.outbox.PendingMark;
import org.craftmark.judge.outbox.RejectedMark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import static org.craftmark.judge.sdk.ConnectionState.CLOSED;
import static org.craftmark.judge.sdk.ConnectionState.CONNECTING;
import static org.craftmark.judge.sdk.ConnectionState.DISCONNECTED;
import static org.craftmark.judge.sdk.ConnectionState.GAVE_UP;
import static org.craftmark.judge.sdk.ConnectionState.IDLE;
import static org.craftmark.judge.sdk.ConnectionState.READY;

/**
 * {@link JudgeClient} on Vert.x. All mutable state lives on one context (one event-loop thread), so
 * none of it needs a lock; outbox writes run as ordered blocking tasks of that context, which keeps
 * marks in the order they were entered and every ack after the write of its mark.
 */
final class VertxJudgeClient implements JudgeClient, Connection.Events {
    private static final System.Logger LOG = System.getLogger(JudgeClient.class.getName());
    private static final String JUDGE_SOCKET = "/ws/judge?ticket=";
    private static final String MALFORMED = "MALFORMED";
    /** Assignments of a big event can outgrow Vert.x's 64 KiB default. */
    private static final int MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

    private final Settings settings;
    private final Vertx vertx;
    private final boolean ownsVertx;
    private final Context context;
    private final Outbox outbox;
    private final ServerApi api;
    private final WebSocketClient sockets;
    private final Listeners<Assignments> assignmentListeners = new Listeners<>();
    private final Listeners<Ack> ackListeners = new Listeners<>();
    private final Listeners<Push> pushListeners = new Listeners<>();
    private final Listeners<ConnectionChange> connectionListeners = new Listeners<>();

    // Confined to the context:
    private final Waiters waiters = new Waiters();
    private final List<Promise<Assignments>> connecting = new ArrayList<>();
    private boolean wanted;
    private Connection connection;
    private int failures;
    private long retryTimer = -1;
    private Future<Void> closing;

    // Read from any thread:
    private volatile ConnectionState state = IDLE;
    private volatile Assignments assignments;

    VertxJudgeClient(Settings settings) {
        this.settings = settings;
        this.ownsVertx = settings.vertx() == null;
        this.vertx = ownsVertx ? Vertx.vertx() : settings.vertx();
        this.outbox = openOutbox();
        this.context = vertx.getOrCreateContext();
        this.sockets = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setMaxFrameSize(MAX_MESSAGE_BYTES)
                .setMaxMessageSize(MAX_MESSAGE_BYTES));
        this.api = new ServerApi(vertx.createHttpClient(new HttpClientOptions()), settings.server(),
                settings.username(), settings.password(), settings.requestTimeout());
    }

    private Outbox openOutbox() {
        try {
            return Outbox.open(settings.outbox(), settings.username(), settings.clock());
        } catch (IOException | RuntimeException e) {
            if (ownsVertx) {
                vertx.close();
            }
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    // ---- connecting ----

    @Override
    public Future<Assignments> connect() {
        Promise<Assignments> connected = Promise.promise();
        onContext(() -> {
            if (closing != null) {
                connected.fail(closedError());
            } else if (state == READY) {
                connected.complete(assignments);
            } else {
                connecting.add(connected);
                if (!wanted) {
                    wanted = true;
                    failures = 0;
                    attempt();
                }
            }
        });
        return connected.future();
    }

    /** Sign in if needed, fresh ticket, socket, hello; the assignments (in {@link #received}) finish it. */
    private void attempt() {
        retryTimer = -1;
        if (!wanted) {
            return;
        }
        changeState(ConnectionChange.to(CONNECTING));
        api.wsTicket()
                .compose(ticket -> sockets.connect(settings.server()
                        .webSocket(JUDGE_SOCKET + URLEncoder.encode(ticket, StandardCharsets.UTF_8))
                        .setTimeout(settings.requestTimeout().toMillis())))
                .onComplete(opened -> {
                    if (opened.succeeded()) {
                        start(opened.result());
                    } else {
                        attemptFailed(opened.cause());
                    }
                });
    }

    private void start(WebSocket socket) {
        if (!wanted) {
            socket.close(); // closed, or gave up, while the handshake ran
            return;
        }
        connection = new Connection(vertx, socket, new Pacer(settings.maxFramesPerSecond(), System::nanoTime), this);
        connection.start(settings.deviceId(), settings.pingInterval());
    }

    private void attemptFailed(Throwable cause) {
        if (!wanted) {
            return;
        }
        if (cause instanceof RequestRefusedException refused && refused.permanent()) {
            giveUp(cause);
        } else {
            retryLater(cause);
        }
    }

    private void retryLater(Throwable cause) {
        Duration delay = settings.backoff().delay(failures++, ThreadLocalRandom.current().nextDouble());
        if (cause instanceof RequestRefusedException refused && refused.retryAfter() != null
                && refused.retryAfter().compareTo(delay) > 0) {
            delay = refused.retryAfter();
        }
        LOG.log(System.Logger.Level.DEBUG, "judge connection down ({0}); retrying in {1}", cause, delay);
        changeState(new ConnectionChange(DISCONNECTED, cause, delay));
        retryTimer = vertx.setTimer(Math.max(1, delay.toMillis()), id -> attempt());
    }

    private void giveUp(Throwable cause) {
        wanted = false;
        failConnecting(cause);
        changeState(new ConnectionChange(GAVE_UP, cause, null));
    }

    @Override
    public void received(Connection from, ServerMessage message) {
        if (from != connection) {
            return;
        }
        switch (message) {
            case Assignments assigned -> assigned(assigned);
            case Ack ack -> settle(ack);
            case Push.ServerError error -> serverFailed(from, error);
            case Push push -> pushListeners.fire(push);
            case ServerMessage.Pong pong -> {
                // Liveness only; the connection has noted it.
            }
        }
    }

    private void assigned(Assignments assigned) {
        assignments = assigned;
        if (state != READY) {
            failures = 0;
            changeState(ConnectionChange.to(READY));
            outbox.pending().forEach(mark -> connection.sendMark(mark.clientMarkId(), mark.mark()));
            connecting.forEach(promise -> promise.tryComplete(assigned));
            connecting.clear();
        }
        assignmentListeners.fire(assigned);
    }

    /**
     * The server failed on a frame it could read (a mark it could not store, or our hello) and sent
     * no ack: reconnecting, with backoff, resends everything still pending, and keeps a hall of
     * tablets from hammering a server whose database is down. A MALFORMED frame would only fail again.
     */
    private void serverFailed(Connection from, Push.ServerError error) {
        pushListeners.fire(error);
        if (!MALFORMED.equals(error.error().code())) {
            from.close(new IOException("the server failed on a frame: " + error.error().describe()));
        }
    }

    @Override
    public void ended(Connection which, Throwable cause) {
        if (which != connection) {
            return;
        }
        connection = null;
        if (wanted) {
            retryLater(cause);
        }
    }

    // ---- marks ----

    @Override
    public Future<Ack> submit(MarkDraft draft) {
        return submit(UUID.randomUUID(), draft);
    }

    @Override
    public Future<Ack> submit(UUID clientMarkId, MarkDraft draft) {
        JsonObject mark = MarkJson.mark(clientMarkId, draft);
        Promise<Ack> ack = Promise.promise();
        onContext(() -> {
            if (closing != null) {
                ack.fail(closedError());
                return;
            }
            waiters.add(clientMarkId, ack);
            context.executeBlocking(() -> outbox.add(clientMarkId, mark), true).onComplete(stored -> {
                if (stored.failed()) {
                    waiters.fail(clientMarkId, ack, stored.cause());
                } else if (state == READY && connection != null) {
                    connection.sendMark(clientMarkId, stored.result().mark());
                }
            });
        });
        return ack.future();
    }

    /** Records the ack in the outbox, then tells the waiting callers and the listeners. */
    private Future<Ack> settle(Ack ack) {
        return context.executeBlocking(() -> record(ack), true)
                .recover(failure -> {
                    // The mark stays pending; its next resend is answered DUPLICATE and settles it then.
                    LOG.log(System.Logger.Level.WARNING, "could not record the ack of " + ack.clientMarkId(), failure);
                    return Future.succeededFuture(ack);
                })
                .onSuccess(recorded -> {
                    waiters.complete(ack);
                    ackListeners.fire(ack);
                });
    }

    private Ack record(Ack ack) throws IOException {
        if (ack.rejected()) {
            outbox.reject(ack.clientMarkId(), MarkJson.errorJson(ack.error()));
        } else {
            outbox.remove(ack.clientMarkId());
        }
        return ack;
    }

    @Override
    public Future<List<Ack>> syncOverHttp() {
        Promise<List<Ack>> synced = Promise.promise();
        onContext(() -> {
            if (closing != null) {
                synced.fail(closedError());
                return;
            }
            // An ordered task: it sees every mark submitted before this call, written or not yet.
            context.executeBlocking(outbox::pending, true).compose(this::postInBatches).onComplete(synced);
        });
        return synced.future();
    }

    private Future<List<Ack>> postInBatches(List<PendingMark> pending) {
        List<Ack> acks = new ArrayList<>();
        Future<Void> batches = Future.succeededFuture();
        for (int from = 0; from < pending.size(); from += MAX_BATCH) {
            List<JsonObject> batch = pending.subList(from, Math.min(from + MAX_BATCH, pending.size()))
                    .stream().map(PendingMark::mark).toList();
            batches = batches
                    .compose(done -> api.submitBatch(batch))
                    .compose(this::settleAll)
                    .map(settled -> {
                        acks.addAll(settled);
                        return null;
                    });
        }
        return batches.map(done -> acks);
    }

    private Future<List<Ack>> settleAll(List<Ack> acks) {
        return Future.all(acks.stream().map(this::settle).toList()).map(done -> acks);
    }

    // ---- looking, listening, closing ----

    @Override
    public int pendingCount() {
        return outbox.size();
    }

    @Override
    public List<PendingMark> pending() {
        return outbox.pending();
    }

    @Override
    public List<RejectedMark> rejected() {
        try {
            return outbox.rejected();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public ConnectionState state() {
        return state;
    }

    @Override
    public Optional<Assignments> assignments() {
        return Optional.ofNullable(assignments);
    }

    @Override
    public Path outboxDirectory() {
        return outbox.directory();
    }

    @Override
    public JudgeClient onAssignments(Consumer<? super Assignments> listener) {
        assignmentListeners.add(listener);
        return this;
    }

    @Override
    public JudgeClient onAck(Consumer<? super Ack> listener) {
        ackListeners.add(listener);
        return this;
    }

    @Override
    public JudgeClient onPush(Consumer<? super Push> listener) {
        pushListeners.add(listener);
        return this;
    }

    @Override
    public JudgeClient onConnectionChange(Consumer<? super ConnectionChange> listener) {
        connectionListeners.add(listener);
        return this;
    }

    @Override
    public Future<Void> close() {
        Promise<Void> closed = Promise.promise();
        onContext(() -> {
            if (closing == null) {
                closing = shutDown();
            }
            closing.onComplete(closed);
        });
        return closed.future();
    }

    private Future<Void> shutDown() {
        wanted = false;
        if (retryTimer != -1) {
            vertx.cancelTimer(retryTimer);
        }
        IllegalStateException closed = closedError();
        failConnecting(closed);
        waiters.failAll(closed);
        if (connection != null) {
            connection.close(null);
        }
        changeState(ConnectionChange.to(CLOSED));
        return Future.join(sockets.close(), api.close())
                .transform(done -> context.executeBlocking(() -> {
                    outbox.close(); // ordered: after every write and ack already queued
                    return null;
                }, true))
                .transform(done -> ownsVertx ? vertx.close() : Future.<Void>succeededFuture());
    }

    private void failConnecting(Throwable cause) {
        connecting.forEach(promise -> promise.tryFail(cause));
        connecting.clear();
    }

    private void changeState(ConnectionChange change) {
        state = change.state();
        connectionListeners.fire(change);
    }

    private IllegalStateException closedError() {
        return new IllegalStateException("the judge client is closed; marks not yet acknowledged stay in the outbox "
                + outbox.directory());
    }

    private void onContext(Runnable action) {
        context.runOnContext(v -> action.run());
    }
}
