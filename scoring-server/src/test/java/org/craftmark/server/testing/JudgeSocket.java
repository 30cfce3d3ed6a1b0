package org.craftmark.server.testing;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A raw WebSocket to {@code /ws/judge}, for tests that speak the protocol frame by frame. */
public final class JudgeSocket implements AutoCloseable {
    private static final long WAIT_SECONDS = 10;
    public static final int PACED_FRAMES_PER_SECOND = 20;

    private final Pacer pacer = new Pacer(PACED_FRAMES_PER_SECOND);

    private final WebSocket socket;
    /** Held so it lives as long as the socket: Vert.x closes a client that is garbage collected. */
    private WebSocketClient client;
    private final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    private final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
    private volatile Short closeCode;
    private volatile String closeReason;

    private JudgeSocket(WebSocket socket) {
        this.socket = socket;
        socket.textMessageHandler(text -> frames.add(new JsonObject(text)));
        socket.closeHandler(v -> {
            closeCode = socket.closeStatusCode();
            closeReason = socket.closeReason();
            closed.countDown();
        });
    }

    /** Signs in, gets a ticket and connects. */
    public static JudgeSocket connect(Vertx vertx, Api api, String username, String password) {
        String token = api.token(username, password);
        String ticket = api.post("/api/v1/auth/ws-ticket", new JsonObject(), token).json().getString("ticket");
        return connectWithTicket(vertx, api, ticket);
    }

    public static JudgeSocket connectWithTicket(Vertx vertx, Api api, String ticket) {
        WebSocketClient client = vertx.createWebSocketClient();
        java.net.URI uri = java.net.URI.create(api.baseUrl());
        WebSocketConnectOptions options = new WebSocketConnectOptions()
                .setHost(uri.getHost()).setPort(uri.getPort()).setURI("/ws/judge?ticket=" + ticket);
        io.vertx.core.http.ClientWebSocket socket = client.webSocket();
        JudgeSocket judgeSocket = new JudgeSocket(socket);
        judgeSocket.client = client;
        socket.connect(options).await();
        return judgeSocket;
    }

    public void send(JsonObject frame) {
        socket.writeTextMessage(frame.encode()).await();
    }

    /**
     * Sends a mark and waits for its ack, at most {@link #PACED_FRAMES_PER_SECOND} a second: the
     * server closes connections that send more than 50 frames a second, as a tablet never would.
     */
    public JsonObject markPaced(JsonObject mark) {
        pacer.awaitTurn();
        send(mark);
        return next("ack");
    }

    /** Sends every mark (paced, without waiting for acks in between, as a tablet draining its queue), then collects the acks. */
    public java.util.List<JsonObject> markAllPaced(java.util.List<JsonObject> marks) {
        sendAllPaced(marks);
        java.util.List<JsonObject> acks = new java.util.ArrayList<>();
        for (int i = 0; i < marks.size(); i++) {
            acks.add(next("ack"));
        }
        return acks;
    }

    /** Sends every frame, paced, and waits for nothing. */
    public void sendAllPaced(java.util.List<JsonObject> frames) {
        for (JsonObject frame : frames) {
            pacer.awaitTurn();
            send(frame);
        }
    }

    public void sendText(String text) {
        socket.writeTextMessage(text).await();
    }

    /** The next frame of this type; frames of other types before it are skipped. */
    public JsonObject next(String type) {
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (System.nanoTime() < deadline) {
                JsonObject frame = frames.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (frame != null && type.equals(frame.getString("type"))) {
                    return frame;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("no '" + type + "' frame within " + WAIT_SECONDS + " s");
    }

    /** Waits until the server closes the connection; answers the close code. */
    public short awaitClose() {
        try {
            if (!closed.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("the server did not close the connection");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return closeCode == null ? -1 : closeCode;
    }

    public String closeReason() {
        return closeReason;
    }

    public boolean isClosed() {
        return socket.isClosed();
    }

    @Override
    public void close() {
        if (!socket.isClosed()) {
            socket.close().await();
        }
        client.close();
    }
}
