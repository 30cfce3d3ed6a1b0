package org.craftmark.server.marking;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.craftmark.server.auth.AuthService;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.http.ApiException;
import org.craftmark.server.http.Blocking;
import org.craftmark.server.http.ErrorResponses;
import org.craftmark.server.http.Json;
import org.craftmark.server.http.JsonInput;
import org.craftmark.server.http.Reply;
import org.craftmark.server.http.Routes;
import org.craftmark.server.http.WebSocketEndpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

/** The judges' endpoints: the {@code /ws/judge} WebSocket and {@code POST /api/v1/marks:batch}. */
public final class MarkHandlers implements Routes {
    public static final String BATCH_PATH = "/api/v1/marks:batch";
    public static final int MAX_BATCH = 1000;
    private static final long PUBLISH_WAIT_SECONDS = 5;

    private final Vertx vertx;
    private final AuthService auth;
    private final MarkService marks;
    private final Assignments assignments;
    private final JudgeSessions sessions;
    private final LongFunction<Future<Void>> published;

    public MarkHandlers(Vertx vertx, AuthService auth, MarkService marks, Assignments assignments, JudgeSessions sessions,
                        LongFunction<Future<Void>> published) {
        this.published = published;
        this.vertx = vertx;
        this.auth = auth;
        this.marks = marks;
        this.assignments = assignments;
        this.sessions = sessions;
    }

    @Override
    public void mount(Router router, Blocking blocking) {
        router.postWithRegex(java.util.regex.Pattern.quote(BATCH_PATH)).handler(blocking.deferred(this::batch));
    }

    @Override
    public List<WebSocketEndpoint<?>> webSockets() {
        return List.of(new JudgeEndpoint());
    }

    /** {@code /ws/judge?ticket=…}: the ticket is checked before the upgrade; a refused tablet gets HTTP 401. */
    private final class JudgeEndpoint implements WebSocketEndpoint<SignedInUser> {
        @Override
        public String path() {
            return "/ws/judge";
        }

        @Override
        public SignedInUser admit(Map<String, String> query) {
            return auth.redeemTicket(query.get("ticket"))
                    .orElseThrow(() -> ApiException.unauthenticated("The ticket is unknown, used or expired; get a new one."));
        }

        @Override
        public void open(ServerWebSocket socket, SignedInUser judge) {
            new JudgeSession(vertx, socket, judge, marks, assignments, sessions, System::nanoTime, published).start();
        }
    }

    private Future<Reply> batch(RoutingContext ctx) {
        SignedInUser judge = auth.authenticate(ctx.request().getHeader("Authorization"));
        JsonInput input = JsonInput.of(Json.parseObject(ctx.body().buffer()));
        JsonArray marksArray = input.optionalArray("marks");
        if (marksArray == null && input.isAbsent("marks")) {
            input.invalid("marks", "is required");
        } else if (marksArray != null && marksArray.size() > MAX_BATCH) {
            input.invalid("marks", "must have at most " + MAX_BATCH + " marks");
        }
        input.check();
        List<Ack> acks = submitBatch(judge, marksArray);
        JsonArray json = new JsonArray();
        acks.forEach(ack -> json.add(MarkJson.ack(ack)));
        Reply reply = Reply.ok(new JsonObject().put("acks", json));
        List<Future<Void>> shown = acks.stream().filter(Ack::isAccepted).map(Ack::eventId).distinct().map(this::shown).toList();
        return Future.join(shown).transform(whatever -> Future.succeededFuture(reply));
    }

    /**
     * Completes once the live results show the event's marks so far (a fraction of a second), or
     * after {@value #PUBLISH_WAIT_SECONDS} s: the marks are committed, and answering without the live
     * view is better than not answering. No thread waits for it.
     */
    private Future<Void> shown(long eventId) {
        Promise<Void> answered = Promise.promise();
        long timer = vertx.setTimer(TimeUnit.SECONDS.toMillis(PUBLISH_WAIT_SECONDS), t -> answered.tryComplete());
        published.apply(eventId).onComplete(done -> {
            vertx.cancelTimer(timer);
            answered.tryComplete();
        });
        return answered.future();
    }

    /**
     * Each mark of a batch stands alone: an unreadable one is rejected, the readable ones are stored
     * in one group commit; the acks come back in the order of the marks.
     */
    private List<Ack> submitBatch(SignedInUser judge, JsonArray items) {
        Ack[] acks = new Ack[items.size()];
        List<MarkSubmission> readable = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            try {
                if (!(items.getValue(i) instanceof JsonObject mark)) {
                    throw ApiException.malformed("Each mark must be a JSON object.", List.of());
                }
                readable.add(MarkJson.read(JsonInput.of(mark), null));
                positions.add(i);
            } catch (ApiException e) {
                acks[i] = Ack.rejected(items.getValue(i) instanceof JsonObject m && m.getValue("clientMarkId") instanceof String id ? id : null, e);
            }
        }
        List<Ack> stored = readable.isEmpty() ? List.of() : marks.submitAll(judge, readable);
        for (int i = 0; i < stored.size(); i++) {
            acks[positions.get(i)] = stored.get(i);
        }
        return List.of(acks);
    }
}
