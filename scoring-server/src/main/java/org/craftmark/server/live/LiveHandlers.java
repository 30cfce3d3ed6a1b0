package org.craftmark.server.live;

import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.craftmark.core.common.Problem;
import org.craftmark.server.auth.AuthService;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.http.ApiException;
import org.craftmark.server.http.Blocking;
import org.craftmark.server.http.ErrorResponses;
import org.craftmark.server.http.FloodGate;
import org.craftmark.server.http.PathParams;
import org.craftmark.server.http.Reply;
import org.craftmark.server.http.Routes;
import org.craftmark.server.results.ResultsJson;
import org.craftmark.server.results.ResultsService;
import org.craftmark.server.store.ContestStore.StoredContest;

import java.util.List;
import java.util.Optional;

/** {@code GET /api/v1/events/{id}/leaderboard} and the live feed {@code /ws/live?eventId=…[&since=…][&ticket=…]}. */
public final class LiveHandlers implements Routes {
    private static final int MAX_FRAME_BYTES = 16 * 1024;
    private static final int MAX_FRAMES_PER_SECOND = 50;

    private final Vertx vertx;
    private final AuthService auth;
    private final ResultsService results;
    private final LiveFeeds feeds;

    public LiveHandlers(Vertx vertx, AuthService auth, ResultsService results, LiveFeeds feeds) {
        this.vertx = vertx;
        this.auth = auth;
        this.results = results;
        this.feeds = feeds;
    }

    @Override
    public void mount(Router router, Blocking blocking) {
        router.get("/api/v1/events/:id/leaderboard").handler(blocking.handler(this::leaderboard));
        router.get("/ws/live").handler(this::upgrade);
    }

    private Reply leaderboard(RoutingContext ctx) {
        long eventId = PathParams.id(ctx, "id");
        StoredContest contest = results.visibleContest(auth.viewer(ctx.request().getHeader("Authorization")), eventId);
        EventFeed.Published published = feeds.published(eventId);
        return Reply.ok(ResultsJson.leaderboard(eventId, published.seq(), ResultsService.isPublished(contest), published.rows()));
    }

    /** Everything is checked before the upgrade, so a refused screen gets a plain HTTP status. */
    private void upgrade(RoutingContext ctx) {
        ctx.request().pause();
        vertx.executeBlocking(() -> admit(ctx), false).onComplete(result -> {
            if (result.failed()) {
                ctx.request().resume();
                ErrorResponses.write(ctx, ErrorResponses.toApiException(result.cause(), "live feed upgrade"));
                return;
            }
            Admission admission = result.result();
            ctx.request().toWebSocket().onSuccess(socket -> watch(socket, admission));
        });
    }

    private record Admission(long eventId, Long since) {
    }

    private Admission admit(RoutingContext ctx) {
        long eventId = positive(ctx.queryParams().get("eventId"), "eventId", true);
        Long since = ctx.queryParams().get("since") == null ? null : positiveOrZero(ctx.queryParams().get("since"));
        String ticket = ctx.queryParams().get("ticket");
        Optional<SignedInUser> viewer = Optional.empty();
        if (ticket != null) {
            viewer = Optional.of(auth.redeemTicket(ticket)
                    .orElseThrow(() -> ApiException.unauthenticated("The ticket is unknown, used or expired; get a new one.")));
        }
        results.visibleContest(viewer, eventId);
        feeds.feed(eventId);
        return new Admission(eventId, since);
    }

    private void watch(ServerWebSocket socket, Admission admission) {
        EventFeed feed = feeds.feed(admission.eventId());
        LiveSubscriber subscriber = new LiveSubscriber(socket);
        FloodGate floodGate = new FloodGate(MAX_FRAMES_PER_SECOND, System::nanoTime);
        socket.setWriteQueueMaxSize(256 * 1024);
        socket.closeHandler(v -> feed.unsubscribe(subscriber));
        socket.textMessageHandler(text -> {
            if (!floodGate.admit() || text.length() > MAX_FRAME_BYTES) {
                feed.unsubscribe(subscriber);
                socket.close((short) 1008, text.length() > MAX_FRAME_BYTES ? "frame larger than 16 KiB" : "more than 50 frames per second");
            }
        });
        feed.subscribe(subscriber, admission.since());
    }

    private static long positive(String value, String field, boolean required) {
        try {
            long parsed = Long.parseLong(value);
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw ApiException.validationFailed(List.of(new Problem(field, required && value == null ? "is required" : "must be a positive integer")));
    }

    private static long positiveOrZero(String value) {
        try {
            long parsed = Long.parseLong(value);
            if (parsed >= 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw ApiException.validationFailed(List.of(new Problem("since", "must be a whole number ≥ 0")));
    }
}
