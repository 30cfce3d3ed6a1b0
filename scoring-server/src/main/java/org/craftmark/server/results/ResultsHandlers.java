package org.craftmark.server.results;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.craftmark.server.auth.AuthService;
import org.craftmark.server.http.Blocking;
import org.craftmark.server.http.PathParams;
import org.craftmark.server.http.Reply;
import org.craftmark.server.http.Routes;

/** {@code GET /api/v1/events/{id}/leaderboard}. */
public final class ResultsHandlers implements Routes {
    private final AuthService auth;
    private final ResultsService results;

    public ResultsHandlers(AuthService auth, ResultsService results) {
        this.auth = auth;
        this.results = results;
    }

    @Override
    public void mount(Router router, Blocking blocking) {
        router.get("/api/v1/events/:id/leaderboard").handler(blocking.handler(this::leaderboard));
    }

    private Reply leaderboard(RoutingContext ctx) {
        var viewer = auth.viewer(ctx.request().getHeader("Authorization"));
        return Reply.ok(ResultsJson.leaderboard(results.leaderboard(viewer, PathParams.id(ctx, "id"))));
    }
}
