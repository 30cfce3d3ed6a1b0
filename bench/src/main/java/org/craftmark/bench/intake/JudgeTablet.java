package org.craftmark.bench.intake;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import org.HdrHistogram.Recorder;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * One judge's tablet on {@code /ws/judge}, as the load generator drives it: marks are sent with a
 * fresh clientMarkId and timed from sending to their ack. Everything runs on the client's event loop.
 */
final class JudgeTablet {
    /** What all tablets of one measurement count into. */
    record Tally(Recorder latencyMicros, LongAdder accepted, LongAdder other, AtomicReference<String> firstRefusal) {
        static Tally create() {
            return new Tally(new Recorder(3), new LongAdder(), new LongAdder(), new AtomicReference<>());
        }
    }

    private final IntakeFixture.Seat seat;
    private final WebSocketClient client;
    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private ClientWebSocket socket;
    private volatile Tally tally;
    private volatile Runnable onAck = () -> { };

    private JudgeTablet(IntakeFixture.Seat seat, WebSocketClient client) {
        this.seat = seat;
        this.client = client;
    }

    /** Connects with a one-time ticket and says hello; completes when the assignments arrive. */
    static Future<JudgeTablet> connect(Vertx vertx, int port, IntakeFixture.Seat seat, String ticket) {
        JudgeTablet tablet = new JudgeTablet(seat, vertx.createWebSocketClient());
        return tablet.open(port, ticket).map(tablet);
    }

    private Future<Void> open(int port, String ticket) {
        socket = client.webSocket();
        var assigned = io.vertx.core.Promise.<Void>promise();
        socket.textMessageHandler(text -> onText(new JsonObject(text), assigned));
        return socket.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
                        .setURI("/ws/judge?ticket=" + ticket))
                .compose(ws -> ws.writeTextMessage(new JsonObject().put("type", "hello").put("deviceId", "bench").encode()))
                .compose(v -> assigned.future());
    }

    private void onText(JsonObject frame, io.vertx.core.Promise<Void> assigned) {
        switch (frame.getString("type")) {
            case "assignments" -> assigned.tryComplete();
            case "ack" -> acked(frame);
            case "error" -> tally.firstRefusal().compareAndSet(null, frame.encode());
            default -> { }
        }
    }

    private void acked(JsonObject ack) {
        Long sent = sentAt.remove(ack.getString("clientMarkId"));
        Tally counting = tally;
        if (sent != null && counting != null) {
            counting.latencyMicros().recordValue(Math.max(0, (System.nanoTime() - sent) / 1000));
            if ("ACCEPTED".equals(ack.getString("status"))) {
                counting.accepted().increment();
            } else {
                counting.other().increment();
                counting.firstRefusal().compareAndSet(null, ack.encode());
            }
        }
        onAck.run();
    }

    void countInto(Tally tally, Runnable onAck) {
        this.tally = tally;
        this.onAck = onAck;
    }

    /** Sends one new mark; its latency counts from {@code intendedNanos} (no coordinated omission). */
    void send(long intendedNanos) {
        String id = UUID.randomUUID().toString();
        sentAt.put(id, intendedNanos);
        socket.writeTextMessage(seat.randomMark(id).put("type", "mark").encode());
    }

    int inFlight() {
        return sentAt.size();
    }

    Future<Void> close() {
        return socket.close().eventually(() -> client.close());
    }
}
