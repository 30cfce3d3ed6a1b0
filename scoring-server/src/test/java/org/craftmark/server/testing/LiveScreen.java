package org.craftmark.server.testing;

import io.vertx.core.Future;
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
 * would, and notes any gap in {@code seq}. A {@link #following} screen also reconnects as the page
 * does when its connection is lost, resuming with {@code since} = the last seq it applied.
 */
public final class LiveScreen implements AutoCloseable {
    /** The page backs off 1–15 s; a test's screen comes back sooner, doubling from 50 ms to 1 s. */
    private static final long FIRST_BACKOFF_MILLIS = 50;
    private static final long LAST_BACKOFF_MILLIS = 1_000;

    private final Vertx vertx;
    private final URI server;
    private final long eventId;
    private final String ticket;
    private final boolean follows;
    /** Held so it lives as long as the screen: Vert.x closes a client that is garbage collected. */
    private final WebSocketClient client;
    private final Map<Long, JsonObject> rows = new LinkedHashMap<>();
    private final List<String> gaps = new ArrayList<>();
    private final List<JsonObject> frames = new ArrayList<>();
    private WebSocket socket;
    /** The connection frames are applied from: a lost one's late events are ignored. */
    private int generation;
    private int failures;
    private int connects;
    private int resumes;
    private boolean closedByTest;
    private long seq = -1;
    private Short closeStatus;

    private LiveScreen(Vertx vertx, URI server, long eventId, String ticket, boolean follows) {
        this.vertx = vertx;
        this.server = server;
        this.eventId = eventId;
        this.ticket = ticket;
        this.follows = follows;
        this.client = vertx.createWebSocketClient();
    }

    /** A new connection, resuming from {@code since} when given. */
    private synchronized Future<WebSocket> connect(Long since) {
        int mine = generation;
        ClientWebSocket connecting = client.webSocket();
        // Set before connecting: the server sends the snapshot the moment the upgrade completes.
        connecting.textMessageHandler(text -> apply(mine, new JsonObject(text)));
        connecting.closeHandler(v -> closedBy(mine, connecting.closeStatusCode()));
        socket = connecting;
        connects++;
        resumes += since == null ? 0 : 1;
        String query = "/ws/live?eventId=" + eventId + (since == null ? "" : "&since=" + since) + (ticket == null ? "" : "&ticket=" + ticket);
        return connecting.connect(new WebSocketConnectOptions().setHost(server.getHost()).setPort(server.getPort()).setURI(query))
                .onSuccess(ws -> connected(mine))
                .onFailure(e -> lost(mine));
    }

    private synchronized void connected(int connection) {
        if (connection == generation) {
            failures = 0;
        }
    }

    private synchronized void closedBy(int connection, Short status) {
        if (connection != generation) {
            return;
        }
        if (follows && !closedByTest) {
            lost(connection);
            return;
        }
        closeStatus = status == null ? -1 : status;
        notifyAll();
    }

    /** A following screen's connection went (or never came): try again after a back-off, from the last seq applied. */
    private synchronized void lost(int connection) {
        if (!follows || closedByTest || connection != generation) {
            return;
        }
        generation++;
        long backoff = Math.min(LAST_BACKOFF_MILLIS, FIRST_BACKOFF_MILLIS << Math.min(failures++, 10));
        vertx.setTimer(backoff, t -> reconnect());
    }

    private synchronized void reconnect() {
        if (!closedByTest) {
            connect(seq >= 0 ? seq : null);
        }
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

    /**
     * A screen on {@code baseUrl} (e.g. a faulty proxy in front of the server) that stays on like the
     * big-screen page: whenever its connection is lost or refused it comes back, resuming with
     * {@code since}. Returns at once; the first connection may itself be lost and retried.
     */
    public static LiveScreen following(Vertx vertx, String baseUrl, long eventId) {
        LiveScreen screen = new LiveScreen(vertx, URI.create(baseUrl), eventId, null, true);
        screen.connect(null);
        return screen;
    }

    private static LiveScreen open(Vertx vertx, Api api, long eventId, Long since, String ticket, JsonObject board) {
        LiveScreen screen = new LiveScreen(vertx, URI.create(api.baseUrl()), eventId, ticket, false);
        if (board != null) {
            screen.seq = board.getLong("seq");
            board.getJsonArray("rows").forEach(r -> screen.rows.put(((JsonObject) r).getLong("entryId"), (JsonObject) r));
        }
        screen.connect(since).await();
        return screen;
    }

    private synchronized void apply(int connection, JsonObject frame) {
        if (connection != generation) {
            return;
        }
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

    /** Connections made, the first included. */
    public synchronized int connects() {
        return connects;
    }

    /** Connections that resumed with {@code since}. */
    public synchronized int resumes() {
        return resumes;
    }

    @Override
    public void close() {
        WebSocket current;
        synchronized (this) {
            closedByTest = true;
            current = socket;
        }
        try {
            if (!current.isClosed()) {
                current.close().await();
            }
        } catch (RuntimeException stillConnecting) {
            // A following screen between connections: there is nothing open to close.
        }
        client.close();
    }
}
