package org.craftmark.server.live;

import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.craftmark.core.common.Problem;
import org.craftmark.server.auth.AuthService;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.config.LiveSettings;
import org.craftmark.server.http.ApiException;
import org.craftmark.server.http.Blocking;
import org.craftmark.server.http.FloodGate;
import org.craftmark.server.http.PathParams;
import org.craftmark.server.http.RateLimit;
import org.craftmark.server.http.Reply;
import org.craftmark.server.http.Routes;
import org.craftmark.server.http.SocketLimit;
import org.craftmark.server.http.WebSocketEndpoint;
import org.craftmark.server.results.ResultsJson;
import org.craftmark.server.results.ResultsService;
import org.craftmark.server.store.ContestStore.StoredContest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code GET /api/v1/events/{id}/leaderboard} and the live feed {@code /ws/live?eventId=…[&since=…][&ticket=…]}. */
public final class LiveHandlers implements Routes {
    private static final int MAX_FRAME_BYTES = 16 * 1024;
    private static final int MAX_FRAMES_PER_SECOND = 50;

    private final Vertx vertx;
    private final AuthService auth;
    private final ResultsService results;
    private final LiveFeeds feeds;
    private final SocketLimit screens;
    /** Screens opened per client address, or null when not limited ({@link LiveSettings#limitsAddresses()}). */
    private final RateLimit opensPerAddress;

    /**
     * @param screens this node's open screens, counted here: a place is taken before the upgrade and
     *                given back when the screen closes, however it closes
     */
    public LiveHandlers(Vertx vertx, AuthService auth, ResultsService results, LiveFeeds feeds, SocketLimit screens,
                        LiveSettings settings) {
        this.vertx = vertx;
        this.auth = auth;
        this.results = results;
        this.feeds = feeds;
        this.screens = screens;
        this.opensPerAddress = settings.limitsAddresses()
                ? new RateLimit(settings.opensPerAddress(), Duration.ofSeconds(LiveSettings.OPEN_WINDOW_SECONDS), System::nanoTime)
                : null;
    }

    @Override
    public void mount(Router router, Blocking blocking) {
        router.get("/api/v1/events/:id/leaderboard").handler(blocking.handler(this::leaderboard));
    }

    private Reply leaderboard(RoutingContext ctx) {
        long eventId = PathParams.id(ctx, "id");
        StoredContest contest = results.visibleContest(auth.viewer(ctx.request().getHeader("Authorization")), eventId);
        String version = ctx.queryParams().get("version");
        if (version != null) {
            return Reply.ok(publishedVersion(eventId, positive(version, "version", true)));
        }
        PublishedBoard published = feeds.published(eventId);
        return Reply.ok(ResultsJson.leaderboard(eventId, published.seq(), ResultsService.isPublished(contest), published.rows()));
    }

    /** {@code ?version=N}: the leaderboard exactly as results version N published it. */
    private JsonObject publishedVersion(long eventId, long version) {
        var frozen = results.publishedVersion(eventId, (int) Math.min(version, Integer.MAX_VALUE))
                .orElseThrow(() -> ApiException.notFound("Results version " + version + " of event " + eventId));
        return new JsonObject().put("eventId", eventId).put("seq", frozen.feedSeq()).put("published", true)
                .put("version", frozen.version()).put("publishedAt", frozen.publishedAt().toString())
                .put("rows", new JsonArray(frozen.rowsJson()));
    }

    @Override
    public List<WebSocketEndpoint<?>> webSockets() {
        return List.of(new LiveEndpoint());
    }

    /** @param viewerId the user who signed in with a ticket, or null for an anonymous screen */
    private record Admission(long eventId, Long since, Long viewerId) {
    }

    /** {@code /ws/live}: everything is checked before the upgrade, so a refused screen gets a plain HTTP status. */
    private final class LiveEndpoint implements WebSocketEndpoint<Admission> {
        @Override
        public String path() {
            return "/ws/live";
        }

        /** The node's cap first (a full node refuses everyone alike), then the address's pace. */
        @Override
        public SocketLimit.Slot reserve(String clientAddress) {
            SocketLimit.Slot slot = screens.take();
            try {
                if (opensPerAddress != null) {
                    opensPerAddress.admit(clientAddress);
                }
                return slot;
            } catch (RuntimeException refused) {
                slot.release();
                throw refused;
            }
        }

        @Override
        public Admission admit(Map<String, String> query) {
            long eventId = positive(query.get("eventId"), "eventId", true);
            Long since = query.get("since") == null ? null : positiveOrZero(query.get("since"));
            String ticket = query.get("ticket");
            Optional<SignedInUser> viewer = Optional.empty();
            if (ticket != null) {
                viewer = Optional.of(auth.redeemTicket(ticket)
                        .orElseThrow(() -> ApiException.unauthenticated("The ticket is unknown, used or expired; get a new one.")));
            }
            results.visibleContest(viewer, eventId);
            feeds.feed(eventId);
            return new Admission(eventId, since, viewer.map(SignedInUser::id).orElse(null));
        }

        @Override
        public void open(ServerWebSocket socket, Admission admission) {
            watch(socket, admission, SocketLimit.Slot.NONE);
        }

        @Override
        public void open(ServerWebSocket socket, Admission admission, SocketLimit.Slot slot) {
            watch(socket, admission, slot);
        }
    }

    private void watch(ServerWebSocket socket, Admission admission, SocketLimit.Slot slot) {
        EventFeed feed = feeds.feed(admission.eventId());
        // Called on the connection's event loop: the screen's writes stay on it.
        LiveSubscriber subscriber = new LiveSubscriber(socket, vertx.getOrCreateContext());
        FloodGate floodGate = new FloodGate(MAX_FRAMES_PER_SECOND, System::nanoTime);
        Long viewer = admission.viewerId();
        if (viewer != null) {
            feeds.signedIn().watch(viewer, socket);
        }
        // Vert.x calls it for a close frame, a 1008 of ours and a connection that just drops alike.
        socket.closeHandler(v -> {
            slot.release();
            feed.unsubscribe(subscriber);
            if (viewer != null) {
                feeds.signedIn().forget(viewer, socket);
            }
        });
        if (socket.isClosed()) {
            // Dropped between the handshake and here: no close event will come for it.
            slot.release();
        }
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
