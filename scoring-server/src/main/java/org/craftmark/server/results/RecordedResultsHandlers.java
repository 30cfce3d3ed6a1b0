package org.craftmark.server.results;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.craftmark.core.ranking.RecordedRanking.Place;
import org.craftmark.server.auth.AuthService;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.events.EventJson;
import org.craftmark.server.http.Blocking;
import org.craftmark.server.http.Json;
import org.craftmark.server.http.JsonInput;
import org.craftmark.server.http.PathParams;
import org.craftmark.server.http.Reply;
import org.craftmark.server.http.Routes;

import java.util.ArrayList;
import java.util.List;

/** {@code POST /api/v1/events/{id}/results:import}: ranks recorded from a contest run elsewhere. */
public final class RecordedResultsHandlers implements Routes {
    /** The path has a literal colon, which Vert.x's path syntax would read as a parameter. */
    public static final String IMPORT_PATH = "/api/v1/events/(?<id>[^/]+)/results:import";
    private static final int MAX_RESULTS = 10_000;

    private final AuthService auth;
    private final RecordedResultsService recorded;

    public RecordedResultsHandlers(AuthService auth, RecordedResultsService recorded) {
        this.auth = auth;
        this.recorded = recorded;
    }

    @Override
    public void mount(Router router, Blocking blocking) {
        router.postWithRegex(IMPORT_PATH).handler(blocking.handler(this::importResults));
    }

    private Reply importResults(RoutingContext ctx) {
        SignedInUser actor = auth.authenticate(ctx.request().getHeader("Authorization"));
        long eventId = PathParams.id(ctx, "id");
        JsonInput input = JsonInput.of(Json.parseObject(ctx.body().buffer()));
        List<Place> places = new ArrayList<>();
        for (JsonInput result : input.objects("results", true, MAX_RESULTS)) {
            Long entryId = result.requiredLong("entryId", 1, Long.MAX_VALUE);
            Long rank = result.requiredLong("rank", Integer.MIN_VALUE, Integer.MAX_VALUE);
            var total = result.optionalDecimal("total");
            if (entryId != null && rank != null) {
                places.add(new Place(entryId, Math.toIntExact(rank), total));
            }
        }
        input.check();
        return Reply.ok(EventJson.of(recorded.record(actor, eventId, places)));
    }
}
