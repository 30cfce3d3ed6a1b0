package org.craftmark.server.fuzz;

import io.vertx.core.json.JsonObject;
import org.craftmark.server.testing.Api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Sends hostile requests, upgrades and frames as they are, with no client-side validation. */
final class HostileClient {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String BINARY = "BINARY:";

    private final Api api;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    HostileClient(Api api) {
        this.api = api;
    }

    record Answer(int status, String body) {
        String shortBody() {
            return body.length() > 300 ? body.substring(0, 300) + "…" : body;
        }
    }

    /** What a judge socket answered, in order, and its close code if the server closed it. */
    record Conversation(List<JsonObject> replies, Integer closeCode) {
    }

    /** Sends the requests at once (the server answers them in parallel) and answers in the same order. */
    List<Answer> sendAll(List<HostileRequests.HostileRequest> requests) {
        List<CompletableFuture<HttpResponse<String>>> pending = requests.stream()
                .map(r -> http.sendAsync(request(r), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))).toList();
        List<Answer> answers = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            try {
                HttpResponse<String> response = pending.get(i).join();
                answers.add(new Answer(response.statusCode(), response.body()));
            } catch (CompletionException e) {
                throw new AssertionError(requests.get(i) + " got no answer: " + e.getCause(), e);
            }
        }
        return answers;
    }

    private HttpRequest request(HostileRequests.HostileRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(api.baseUrl() + request.path())).timeout(WAIT)
                .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
        if (!request.contentType().isEmpty()) {
            builder.header("Content-Type", request.contentType());
        }
        if (!request.authorization().isEmpty()) {
            builder.header("Authorization", request.authorization());
        }
        return builder.build();
    }

    /** The status of an upgrade to {@code pathAndQuery}: 101 when accepted (the socket is closed at once). */
    int upgrade(String pathAndQuery) {
        try {
            WebSocket socket = http.newWebSocketBuilder().connectTimeout(WAIT).buildAsync(wsUri(pathAndQuery), new WebSocket.Listener() { })
                    .join();
            socket.abort();
            return 101;
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw new AssertionError("upgrade " + pathAndQuery + " failed: " + e.getCause(), e);
        }
    }

    /** Signs a judge socket in with a fresh ticket, sends the frames, and collects one reply per text frame. */
    Conversation converse(String token, List<String> frames) {
        Api.Response issued = api.post("/api/v1/auth/ws-ticket", new JsonObject(), token);
        if (issued.status() != 200) {
            throw new AssertionError("no ticket for the judge socket (the fuzz run asks too often?): " + issued.status() + " " + issued.body());
        }
        String ticket = issued.json().getString("ticket");
        long answered = frames.stream().filter(f -> !f.startsWith(BINARY) && f.length() <= HostileFrames.MAX_FRAME_BYTES).count();
        return talk("/ws/judge?ticket=" + ticket, frames, answered);
    }

    /**
     * Watches a live board (public: a LIVE contest's event) and sends it frames it never asked for:
     * the snapshot comes first, and nothing the screen sends is answered.
     */
    Conversation watch(long eventId, List<String> frames) {
        return talk("/ws/live?eventId=" + eventId, frames, 1);
    }

    private Conversation talk(String pathAndQuery, List<String> frames, long expectedReplies) {
        Listener listener = new Listener();
        WebSocket socket = http.newWebSocketBuilder().connectTimeout(WAIT).buildAsync(wsUri(pathAndQuery), listener).join();
        try {
            for (String frame : frames) {
                if (listener.closed.isDone()) {
                    break;
                }
                (frame.startsWith(BINARY) ? socket.sendBinary(ByteBuffer.wrap(frame.substring(BINARY.length()).getBytes(StandardCharsets.UTF_8)), true)
                        : socket.sendText(frame, true)).join();
            }
            return listener.await(expectedReplies);
        } catch (CompletionException e) {
            // The server closed the connection while a frame was on its way: what it said before counts.
            return listener.await(0);
        } finally {
            socket.abort();
        }
    }

    private URI wsUri(String pathAndQuery) {
        return URI.create(api.baseUrl().replaceFirst("^http", "ws") + pathAndQuery);
    }

    private static final class Listener implements WebSocket.Listener {
        private final LinkedBlockingQueue<JsonObject> replies = new LinkedBlockingQueue<>();
        private final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                replies.add(new JsonObject(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }

        /** Waits for {@code expected} replies, or for the close, whichever comes first. */
        Conversation await(long expected) {
            List<JsonObject> got = new ArrayList<>();
            long deadline = System.nanoTime() + WAIT.toNanos();
            try {
                while (got.size() < expected && !closed.isDone() && System.nanoTime() < deadline) {
                    JsonObject reply = replies.poll(50, TimeUnit.MILLISECONDS);
                    if (reply != null) {
                        got.add(reply);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            replies.drainTo(got);
            if (got.size() < expected && !closed.isDone()) {
                throw new AssertionError("the judge socket answered " + got.size() + " of " + expected + " frames: " + got);
            }
            return new Conversation(got, closed.getNow(null));
        }
    }
}
