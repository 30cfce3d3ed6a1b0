package org.craftmark.server.marking;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.http.ApiException;
import org.craftmark.server.http.ErrorResponses;
import org.craftmark.server.http.FloodGate;
import org.craftmark.server.http.Json;
import org.craftmark.server.http.JsonInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;

/**
 * One tablet's connection to {@code /ws/judge}. Frames are handled one after another, in the order
 * they came, so a judge's later mark for the same entry and criterion always gets the later version.
 */
final class JudgeSession {
    static final int MAX_FRAME_BYTES = 16 * 1024;
    static final int MAX_FRAMES_PER_SECOND = 50;
    static final short POLICY_VIOLATION = 1008;
    /**
     * Frames read but not yet handled, at most: while the database is slow, a tablet within the
     * frame rate could otherwise queue without end. Past it a mark is answered UNAVAILABLE (the
     * tablet keeps it in its outbox and sends it again), so one socket holds at most 64 × 16 KiB.
     */
    static final int MAX_PENDING_FRAMES = 64;
    private static final Logger LOG = LoggerFactory.getLogger(JudgeSession.class);

    private final Vertx vertx;
    private final ServerWebSocket socket;
    private final SignedInUser judge;
    private final MarkService marks;
    private final Assignments assignments;
    private final JudgeSessions sessions;
    private final FloodGate floodGate;
    private final LongFunction<Future<Void>> published;
    private String deviceId;
    private Future<?> tail = Future.succeededFuture();
    /** Touched only on the socket's event loop (frames arrive and handling completes there). */
    private int pending;

    /**
     * @param published completes once the live results show everything so far for an event: an ack
     *                  is sent only then, so a judge who sees ACCEPTED also sees the leaderboard move
     */
    JudgeSession(Vertx vertx, ServerWebSocket socket, SignedInUser judge, MarkService marks, Assignments assignments,
                 JudgeSessions sessions, LongSupplier nanoTime, LongFunction<Future<Void>> published) {
        this.published = published;
        this.vertx = vertx;
        this.socket = socket;
        this.judge = judge;
        this.marks = marks;
        this.assignments = assignments;
        this.sessions = sessions;
        this.floodGate = new FloodGate(MAX_FRAMES_PER_SECOND, nanoTime);
    }

    void start() {
        socket.textMessageHandler(this::onText);
        socket.binaryMessageHandler(b -> close("binary frames are not part of the protocol"));
        socket.closeHandler(v -> sessions.forget(this));
        socket.exceptionHandler(e -> LOG.debug("judge socket of {} failed: {}", judge.username(), e.getMessage()));
    }

    private void onText(String text) {
        if (!floodGate.admit()) {
            close("more than " + MAX_FRAMES_PER_SECOND + " frames per second");
            return;
        }
        if (text.length() > MAX_FRAME_BYTES || text.getBytes(StandardCharsets.UTF_8).length > MAX_FRAME_BYTES) {
            close("frame larger than 16 KiB");
            return;
        }
        if (pending >= MAX_PENDING_FRAMES) {
            refuseBusy(text);
            return;
        }
        pending++;
        tail = tail.transform(done -> handle(text));
    }

    /** Too many frames waiting: nothing is stored, and the mark is named so the tablet resends it. */
    private void refuseBusy(String text) {
        ApiException busy = ApiException.unavailable("The server is busy; send this again shortly.");
        JsonObject error = ErrorResponses.body(busy).put("type", "error");
        try {
            if (Json.parseObject(text).getValue("clientMarkId") instanceof String id && id.length() <= MarkJson.MAX_CLIENT_MARK_ID) {
                error.put("clientMarkId", id);
            }
        } catch (ApiException unreadable) {
            // Not even JSON: the error frame alone says to try again.
        }
        send(error);
    }

    private Future<?> handle(String text) {
        JsonObject frame;
        try {
            frame = Json.parseObject(text);
        } catch (ApiException e) {
            sendError(e);
            pending--;
            return Future.succeededFuture();
        }
        if ("mark".equals(frame.getValue("type"))) {
            return mark(frame); // counted as pending until it is answered, not until the next frame may go
        }
        return control(frame).andThen(done -> pending--);
    }

    private Future<?> control(JsonObject frame) {
        return switch (String.valueOf(frame.getValue("type"))) {
            case "hello" -> hello(frame);
            case "ping" -> {
                send(new JsonObject().put("type", "pong"));
                yield Future.succeededFuture();
            }
            default -> {
                sendError(ApiException.malformed("Unknown frame type; expected hello, mark or ping.", List.of()));
                yield Future.succeededFuture();
            }
        };
    }

    private Future<?> hello(JsonObject frame) {
        if (frame.getValue("deviceId") instanceof String device && device.length() <= 64) {
            deviceId = device;
        }
        sessions.watchJudge(this);
        return sendAssignments();
    }

    long judgeId() {
        return judge.id();
    }

    /** The judge's assignments, as they are now (after hello, and whenever the judge's panels change). */
    Future<?> sendAssignments() {
        return vertx.executeBlocking(() -> assignments.of(judge), false).onComplete(result -> {
            if (result.failed()) {
                sendError(ErrorResponses.toApiException(result.cause(), "judge socket of " + judge.username()));
                return;
            }
            sessions.watch(this, result.result().stream().map(a -> a.event().id()).toList());
            send(MarkJson.assignments(result.result()));
        });
    }

    private Future<?> mark(JsonObject frame) {
        JsonInput input = JsonInput.of(frame);
        MarkSubmission submission;
        try {
            submission = MarkJson.read(input, deviceId);
        } catch (ApiException e) {
            pending--;
            rejectUnreadable(frame, e);
            return Future.succeededFuture();
        }
        // The writer stores marks in the order they were queued (order of versions), so the next
        // frame need not wait for this commit: a tablet's marks in flight share group commits.
        Future.fromCompletionStage(marks.enqueue(judge, submission), vertx.getOrCreateContext()).onComplete(result -> {
            pending--;
            if (result.failed()) {
                // Not acknowledged, nothing stored: the frame names the mark so the tablet resends it.
                ApiException error = ErrorResponses.toApiException(result.cause(), "judge socket of " + judge.username());
                send(ErrorResponses.body(error).put("type", "error").put("clientMarkId", submission.clientMarkId()));
                return;
            }
            Ack ack = result.result();
            Future<Void> shown = ack.isAccepted() ? published.apply(submission.eventId()) : Future.succeededFuture();
            shown.onComplete(done -> send(MarkJson.ack(ack)));
        });
        return Future.succeededFuture();
    }

    /** A mark whose fields cannot be read: an ack when it can be named, else an error frame. */
    private void rejectUnreadable(JsonObject frame, ApiException error) {
        if (frame.getValue("clientMarkId") instanceof String id && !id.isBlank() && id.length() <= MarkJson.MAX_CLIENT_MARK_ID) {
            send(MarkJson.ack(Ack.rejected(id, error)));
        } else {
            sendError(error);
        }
    }

    void send(JsonObject frame) {
        if (!socket.isClosed()) {
            socket.writeTextMessage(frame.encode());
        }
    }

    private void sendError(ApiException error) {
        send(ErrorResponses.body(error).put("type", "error"));
    }

    /** Ends this connection from the server's side (the account was disabled or its password changed). */
    void end(String reason) {
        close(reason);
    }

    private void close(String reason) {
        LOG.warn("closing judge socket of {}: {}", judge.username(), reason);
        sessions.forget(this);
        if (!socket.isClosed()) {
            socket.close(POLICY_VIOLATION, reason);
        }
    }
}
