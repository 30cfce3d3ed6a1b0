package org.craftmark.judge.sdk;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.craftmark.judge.outbox.ExactJson;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The HTTP side of the judges' protocol: sign-in, WebSocket tickets and {@code marks:batch}. Keeps
 * the session token, and signs in again when the server stops accepting it (401).
 */
final class ServerApi {
    static final String LOGIN = "/api/v1/auth/login";
    static final String WS_TICKET = "/api/v1/auth/ws-ticket";
    static final String MARKS_BATCH = "/api/v1/marks:batch";

    /** Wrong credentials (or a locked-out user) stay wrong however often we retry. */
    private static final Set<Integer> LOGIN_GIVE_UP = Set.of(400, 401, 403);
    private static final Set<Integer> TICKET_GIVE_UP = Set.of(403);
    private static final Set<Integer> BATCH_GIVE_UP = Set.of(400, 403, 413);
    private static final Duration PER_BATCHED_MARK = Duration.ofMillis(50);

    private final HttpClient http;
    private final ServerAddress server;
    private final String username;
    private final String password;
    private final Duration timeout;
    private volatile String token;

    ServerApi(HttpClient http, ServerAddress server, String username, String password, Duration timeout) {
        this.http = http;
        this.server = server;
        this.username = username;
        this.password = password;
        this.timeout = timeout;
    }

    /** A one-time ticket for opening {@code /ws/judge}. */
    Future<String> wsTicket() {
        return signedIn(bearer -> post(WS_TICKET, new JsonObject(), bearer, timeout).map(reply -> {
            JsonObject answer = reply.ok("POST " + WS_TICKET, TICKET_GIVE_UP);
            return MarkJson.required(answer, "ticket", answer::getString);
        }));
    }

    /** Posts up to 1000 marks; the acks come back in the same order. */
    Future<List<Ack>> submitBatch(List<JsonObject> marks) {
        JsonObject body = new JsonObject().put("marks", new JsonArray(new ArrayList<Object>(marks)));
        // The server commits each mark before it answers: give a full batch time, or we would give up
        // on a batch the server goes on to store, and send it all again.
        Duration patience = timeout.plus(PER_BATCHED_MARK.multipliedBy(marks.size()));
        return signedIn(bearer -> post(MARKS_BATCH, body, bearer, patience)
                .map(reply -> MarkJson.objects(reply.ok("POST " + MARKS_BATCH, BATCH_GIVE_UP).getJsonArray("acks"))
                        .stream().map(MarkJson::ack).toList()));
    }

    Future<Void> close() {
        return http.close();
    }

    /** Runs a call with the token; on 401 signs in again and runs it once more (tokens expire). */
    private <T> Future<T> signedIn(Function<String, Future<T>> call) {
        return token().compose(call).recover(failure -> {
            if (!(failure instanceof RequestRefusedException refused && refused.status() == 401)) {
                return Future.failedFuture(failure);
            }
            token = null;
            return token().compose(call);
        });
    }

    private Future<String> token() {
        String current = token;
        if (current != null) {
            return Future.succeededFuture(current);
        }
        JsonObject credentials = new JsonObject().put("username", username).put("password", password);
        return post(LOGIN, credentials, null, timeout).map(reply -> {
            JsonObject body = reply.ok("sign-in of " + username, LOGIN_GIVE_UP);
            String fresh = MarkJson.required(body, "token", body::getString);
            token = fresh;
            return fresh;
        });
    }

    private Future<Reply> post(String path, JsonObject body, String bearer, Duration patience) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(server.url(path))
                .setConnectTimeout(timeout.toMillis())
                .setIdleTimeout(patience.toMillis())
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.ACCEPT, "application/json");
        if (bearer != null) {
            options.putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + bearer);
        }
        return http.request(options)
                .compose(request -> request.send(Buffer.buffer(ExactJson.encode(body))))
                .compose(response -> response.body().map(buffer -> new Reply(
                        response.statusCode(), json(buffer), retryAfter(response.getHeader(HttpHeaders.RETRY_AFTER)))));
    }

    private static JsonObject json(Buffer buffer) {
        try {
            return ExactJson.parseObject(buffer.toString());
        } catch (RuntimeException e) {
            return new JsonObject(); // a proxy's HTML error page: the status says enough
        }
    }

    private static Duration retryAfter(String header) {
        try {
            return header == null ? null : Duration.ofSeconds(Long.parseLong(header.strip()));
        } catch (NumberFormatException e) {
            return null; // an HTTP date: rare, and the backoff waits anyway
        }
    }

    /** One HTTP answer. */
    record Reply(int status, JsonObject body, Duration retryAfter) {

        /** The body of a 2xx answer; otherwise the refusal, permanent for the given statuses. */
        JsonObject ok(String request, Set<Integer> giveUpOn) {
            if (status / 100 == 2) {
                return body;
            }
            JsonObject error = body.getValue("error") instanceof JsonObject object ? object : new JsonObject();
            throw new RequestRefusedException(request, status, MarkJson.error(error), retryAfter, giveUpOn.contains(status));
        }
    }
}
