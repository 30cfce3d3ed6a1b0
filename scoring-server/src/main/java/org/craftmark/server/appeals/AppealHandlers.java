package org.craftmark.server.appeals;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.craftmark.server.auth.AuthService;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.http.Blocking;
import org.craftmark.server.http.Json;
import org.craftmark.server.http.JsonInput;
import org.craftmark.server.http.PathParams;
import org.craftmark.server.http.Reply;
import org.craftmark.server.http.Routes;

/** Appeals (申诉): {@code /api/v1/events/{id}/appeals}, {@code /api/v1/contests/{id}/appeals}, {@code /api/v1/appeals/{id}}. */
public final class AppealHandlers implements Routes {
    private final AuthService auth;
    private final AppealService appeals;

    public AppealHandlers(AuthService auth, AppealService appeals) {
        this.auth = auth;
        this.appeals = appeals;
    }

    @Override
    public void mount(Router router, Blocking blocking) {
        router.post("/api/v1/events/:id/appeals").handler(blocking.handler(this::file));
        router.get("/api/v1/events/:id/appeals").handler(blocking.handler(this::ofEvent));
        router.get("/api/v1/contests/:id/appeals").handler(blocking.handler(this::ofContest));
        router.get("/api/v1/appeals/:id").handler(blocking.handler(this::get));
        router.post("/api/v1/appeals/:id/resolve").handler(blocking.handler(this::resolve));
    }

    private Reply file(RoutingContext ctx) {
        SignedInUser actor = signedIn(ctx);
        long eventId = PathParams.id(ctx, "id");
        JsonInput input = JsonInput.of(Json.parseObject(ctx.body().buffer()));
        Long entryId = input.requiredLong("entryId", 1, Long.MAX_VALUE);
        String reason = input.requiredString("reason", AppealService.MAX_TEXT);
        input.check();
        return Reply.created(AppealJson.of(appeals.file(actor, eventId, entryId, reason)));
    }

    private Reply resolve(RoutingContext ctx) {
        SignedInUser actor = signedIn(ctx);
        long appealId = PathParams.id(ctx, "id");
        JsonInput input = JsonInput.of(Json.parseObject(ctx.body().buffer()));
        AppealService.Decision decision = input.requiredEnum("decision", AppealService.Decision.class);
        String note = input.requiredString("note", AppealService.MAX_TEXT);
        input.check();
        return Reply.ok(AppealJson.of(appeals.resolve(actor, appealId, decision, note)));
    }

    private Reply ofEvent(RoutingContext ctx) {
        return Reply.ok(AppealJson.list(appeals.ofEvent(signedIn(ctx), PathParams.id(ctx, "id"))));
    }

    private Reply ofContest(RoutingContext ctx) {
        return Reply.ok(AppealJson.list(appeals.ofContest(signedIn(ctx), PathParams.id(ctx, "id"))));
    }

    private Reply get(RoutingContext ctx) {
        return Reply.ok(AppealJson.of(appeals.get(signedIn(ctx), PathParams.id(ctx, "id"))));
    }

    private SignedInUser signedIn(RoutingContext ctx) {
        return auth.authenticate(ctx.request().getHeader("Authorization"));
    }
}
