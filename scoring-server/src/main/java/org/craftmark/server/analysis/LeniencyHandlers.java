package org.craftmark.server.analysis;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.craftmark.core.marking.Leniency;
import org.craftmark.server.auth.AuthService;
import org.craftmark.server.http.Blocking;
import org.craftmark.server.http.Json;
import org.craftmark.server.http.PathParams;
import org.craftmark.server.http.Reply;
import org.craftmark.server.http.Routes;

/** {@code GET /api/v1/events/{id}/leniency}: each judge's mean deviation from the panel, outliers flagged. */
public final class LeniencyHandlers implements Routes {
    private final AuthService auth;
    private final LeniencyService leniency;

    public LeniencyHandlers(AuthService auth, LeniencyService leniency) {
        this.auth = auth;
        this.leniency = leniency;
    }

    @Override
    public void mount(Router router, Blocking blocking) {
        router.get("/api/v1/events/:id/leniency").handler(blocking.handler(this::leniency));
    }

    private Reply leniency(RoutingContext ctx) {
        var viewer = auth.authenticate(ctx.request().getHeader("Authorization"));
        long eventId = PathParams.id(ctx, "id");
        JsonArray judges = new JsonArray();
        leniency.of(viewer, eventId).forEach(row -> judges.add(new JsonObject()
                .put("userId", row.judge().id())
                .put("username", row.judge().username())
                .put("displayName", row.judge().displayName())
                .put("comparedMarks", row.leniency().comparedMarks())
                .put("meanDeviationPercent", Json.decimal(row.leniency().meanDeviationPercent()))
                .put("outlier", row.leniency().outlier())));
        return Reply.ok(new JsonObject().put("eventId", eventId)
                .put("outlierThresholdPercent", Json.decimal(Leniency.OUTLIER_PERCENT)).put("judges", judges));
    }
}
