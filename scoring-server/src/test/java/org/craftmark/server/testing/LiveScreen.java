package org.craftmark.server.testing;

import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A big screen (or phone) on {@code /ws/live}: applies the snapshot and every delta as a real page
 * would, and notes any gap in {@code seq}.
 */
public final class LiveScreen implements AutoCloseable {
    private final WebSocket socket;
    /** Held so it lives as long as the screen: Vert.x closes a client that is garbage collected. */
    private WebSocketClient client;
    private final Map<Long, JsonObject> rows = new LinkedHashMap<>();
    private final List<String> gaps = new ArrayList<>();
    private final List<JsonObject> frames = new ArrayList<>();
    private long seq = -1;
    private Short closeStatus;

    private LiveScreen(ClientWebSocket socket) {
        this.socket = socket;
        // Set before connecting: the server sends the snapshot the moment the upgrade completes.
        socket.textMessageHandler(text -> apply(new JsonObject(text)));
        socket.closeHandler(v -> closedBy(socket.closeStatusCode()));
    }

    private synchronized void closedBy(Short status) {
        closeStatus = status == null ? -1 : status;
        notifyAll();
    }

    public synchronized boolean closed() {
        return closeStatus != null;
    }

    /** Waits (bounded) until the server closes this screen, and answers the close code it sent. */
    public synchronized short awaitClosed() {
        long deadline = System.currentTimeMillis() + 20_000;
        while (closeStatus == null && System.currentTimeMillis() < deadline) {
            try {
                wait(Math.max(1, deadline - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (closeStatus == null) {
            throw new AssertionError("the screen is still open");
        }
        return closeStatus;
    }

    /** A screen that had already applied {@code board} (a REST leaderboard) and resumes from its seq. */
    public static LiveScreen resume(Vertx vertx, Api api, JsonObject board) {
        return open(vertx, api, board.getLong("eventId"), board.getLong("seq"), null, board);
    }

    public static LiveScreen open(Vertx vertx, Api api, long eventId, Long since, String ticket) {
        return open(vertx, api, eventId, since, ticket, null);
    }

    private static LiveScreen open(Vertx vertx, Api api, long eventId, Long since, String ticket, JsonObject board) {
        URI uri = URI.create(api.baseUrl());
        String query = "/ws/live?eventId=" + eventId + (since == null ? "" : "&since=" + since) + (ticket == null ? "" : "&ticket=" + ticket);
        WebSocketClient client = vertx.createWebSocketClient();
        LiveScreen screen = new LiveScreen(client.webSocket());
        screen.client = client;
        if (board != null) {
            screen.seq = board.getLong("seq");
            board.getJsonArray("rows").forEach(r -> screen.rows.put(((JsonObject) r).getLong("entryId"), (JsonObject) r));
        }
        ((ClientWebSocket) screen.socket).connect(new WebSocketConnectOptions().setHost(uri.getHost()).setPort(uri.getPort()).setURI(query)).await();
        return screen;
    }

    private synchronized void apply(JsonObject frame) {
        frames.add(frame);
        long frameSeq = frame.getLong("seq");
        if ("snapshot".equals(frame.getString("type"))) {
            rows.clear();
        } else if (seq >= 0 && frameSeq != seq + 1) {
            gaps.add("delta " + frameSeq + " after " + seq);
        } else if (seq < 0) {
            gaps.add("delta " + frameSeq + " before any snapshot");
        }
        seq = frameSeq;
        JsonArray changed = frame.getJsonArray("rows");
        changed.forEach(r -> rows.put(((JsonObject) r).getLong("entryId"), (JsonObject) r));
        notifyAll();
    }

    /** Waits (bounded) until this screen has applied the frame with {@code seq}. */
    public synchronized void awaitSeq(long wanted) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (seq < wanted && System.currentTimeMillis() < deadline) {
            try {
                wait(Math.max(1, deadline - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (seq < wanted) {
            throw new AssertionError("screen stuck at seq " + seq + ", wanted " + wanted);
        }
    }

    /** The rows as the screen shows them: ordered by rank (unranked last), then bib. */
    public synchronized List<JsonObject> rows() {
        return rows.values().stream().sorted(Comparator
                .comparing((JsonObject r) -> r.getInteger("rank") == null ? Integer.MAX_VALUE : r.getInteger("rank"))
                .thenComparing(r -> List.of("ACTIVE", "DQ", "DNS").indexOf(r.getString("status")))
                .thenComparing(r -> r.getString("bib"))).toList();
    }

    public synchronized long seq() {
        return seq;
    }

    public synchronized List<String> gaps() {
        return List.copyOf(gaps);
    }

    public synchronized List<JsonObject> frames() {
        return List.copyOf(frames);
    }

    @Override
    public void close() {
        if (!socket.isClosed()) {
            socket.close().await();
        }
        client.close();
    }
}
