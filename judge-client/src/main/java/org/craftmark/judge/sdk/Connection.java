package org.craftmark.judge.sdk;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

/**
 * One WebSocket to {@code /ws/judge}, from hello to close. Paces frames under the server's limit,
 * checks the line with a ping every interval (hall Wi-Fi drops connections without closing them), and
 * reports its end exactly once, whatever ended it. Used on the client's context only.
 */
final class Connection {
    /** What the client hears from a connection. */
    interface Events {
        void received(Connection from, ServerMessage message);

        /** The connection is over; {@code cause} says why (null when the client closed it). */
        void ended(Connection which, Throwable cause);
    }

    private static final short NORMAL_CLOSURE = 1000;

    private final Vertx vertx;
    private final WebSocket socket;
    private final Pacer pacer;
    private final Events events;
    private final Deque<String> queue = new ArrayDeque<>();
    private final Set<UUID> marksSent = new HashSet<>();
    private long pingTimer = -1;
    private long drainTimer = -1;
    private boolean awaitingReply;
    private Throwable failure;
    private boolean ended;

    Connection(Vertx vertx, WebSocket socket, Pacer pacer, Events events) {
        this.vertx = vertx;
        this.socket = socket;
        this.pacer = pacer;
        this.events = events;
    }

    /** Says hello (the assignments are its answer) and starts checking the line. */
    void start(String deviceId, Duration pingInterval) {
        socket.textMessageHandler(this::received);
        socket.exceptionHandler(e -> failure = e);
        socket.closeHandler(v -> end(closeCause()));
        awaitingReply = true;
        send(Frames.hello(deviceId));
        pingTimer = vertx.setPeriodic(pingInterval.toMillis(), id -> checkLine(pingInterval));
    }

    /** Sends a mark once while it waits for its ack, however often asked (a resend and a new entry may meet). */
    void sendMark(UUID clientMarkId, JsonObject mark) {
        if (marksSent.add(clientMarkId)) {
            send(Frames.mark(mark));
        }
    }

    /** Ends the connection from this side. */
    void close(Throwable why) {
        end(why);
        socket.close(NORMAL_CLOSURE, "client closing");
    }

    /** Nothing heard since the last ping (or the hello): the line is dead even if TCP has not noticed. */
    private void checkLine(Duration pingInterval) {
        if (awaitingReply) {
            close(new TimeoutException("no answer from the server within " + pingInterval.toSeconds() + " s"));
            return;
        }
        awaitingReply = true;
        sendFirst(Frames.ping()); // ahead of a long resend, or it would come too late to prove anything
    }

    private void received(String text) {
        if (ended) {
            return;
        }
        awaitingReply = false; // any frame, not only a pong, shows the line is alive
        Frames.read(text).ifPresent(message -> {
            if (message instanceof Ack ack) {
                marksSent.remove(ack.clientMarkId()); // settled: a later submit of the same id goes out again
            }
            events.received(this, message);
        });
    }

    private void send(String frame) {
        if (!ended) {
            queue.addLast(frame);
            drain();
        }
    }

    private void sendFirst(String frame) {
        if (!ended) {
            queue.addFirst(frame);
            drain();
        }
    }

    private void drain() {
        while (!queue.isEmpty() && !ended) {
            Duration wait = pacer.waitBeforeNext();
            if (!wait.isZero()) {
                drainLater(wait);
                return;
            }
            pacer.sent();
            socket.writeTextMessage(queue.pollFirst()); // a failed write ends in the close handler
        }
    }

    private void drainLater(Duration wait) {
        if (drainTimer == -1) {
            long millis = Math.max(1, (wait.toNanos() + 999_999) / 1_000_000);
            drainTimer = vertx.setTimer(millis, id -> {
                drainTimer = -1;
                drain();
            });
        }
    }

    private Throwable closeCause() {
        if (failure != null) {
            return failure;
        }
        Short code = socket.closeStatusCode();
        String how = code == null ? "" : " (" + code + (socket.closeReason() == null ? "" : " " + socket.closeReason()) + ")";
        return new IOException("the server closed the connection" + how);
    }

    private void end(Throwable cause) {
        if (ended) {
            return;
        }
        ended = true;
        vertx.cancelTimer(pingTimer);
        if (drainTimer != -1) {
            vertx.cancelTimer(drainTimer);
        }
        queue.clear();
        events.ended(this, cause);
    }
}
