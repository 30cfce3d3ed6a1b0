package org.craftmark.server.chief;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.craftmark.core.recheck.RecheckOutcome;
import org.craftmark.server.auth.AuthService;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.events.EventJson;
import org.craftmark.server.http.Blocking;
import org.craftmark.server.http.Json;
import org.craftmark.server.http.JsonInput;
import org.craftmark.server.http.PathParams;
import org.craftmark.server.http.Reply;
import org.craftmark.server.http.Routes;

import java.math.BigDecimal;

/**
 * The chief judge's (裁判长) endpoints: {@code /api/v1/events/{id}/lock|unlock|progress|recheck},
 * {@code /api/v1/entries/{id}/corrections} and {@code /api/v1/rechecks/{id}/items/{entryId}}.
 */
public final class ChiefHandlers implements Routes {
    private static final int MAX_TEXT = 500;

    private final AuthService auth;
    private final ChiefService chief;
    private final RecheckService rechecks;
    private final MarkHistory history;

    public ChiefHandlers(AuthService auth, ChiefService chief, RecheckService rechecks, MarkHistory history) {
        this.auth = auth;
        this.chief = chief;
        this.rechecks = rechecks;
        this.history = history;
    }

    @Override
    public void mount(Router router, Blocking blocking) {
        router.post("/api/v1/events/:id/lock").handler(blocking.handler(this::lock));
        router.post("/api/v1/events/:id/unlock").handler(blocking.handler(this::unlock));
        router.post("/api/v1/entries/:id/corrections").handler(blocking.handler(this::correct));
        router.get("/api/v1/entries/:id/marks").handler(blocking.handler(this::history));
        router.get("/api/v1/events/:id/progress").handler(blocking.handler(this::progress));
        router.post("/api/v1/events/:id/recheck").handler(blocking.handler(this::startRecheck));
        router.get("/api/v1/events/:id/recheck").handler(blocking.handler(this::recheck));
        router.post("/api/v1/rechecks/:id/items/:entryId").handler(blocking.handler(this::recordItem));
    }

    private Reply lock(RoutingContext ctx) {
        SignedInUser actor = signedIn(ctx);
        return Reply.ok(EventJson.of(chief.lock(actor, PathParams.id(ctx, "id"))));
    }

    private Reply unlock(RoutingContext ctx) {
        SignedInUser actor = signedIn(ctx);
        long eventId = PathParams.id(ctx, "id");
        JsonInput input = JsonInput.of(Json.parseObject(ctx.body().buffer()));
        String reason = input.requiredString("reason", MAX_TEXT);
        input.check();
        return Reply.ok(EventJson.of(chief.unlock(actor, eventId, reason)));
    }

    private Reply correct(RoutingContext ctx) {
        SignedInUser actor = signedIn(ctx);
        long entryId = PathParams.id(ctx, "id");
        JsonInput input = JsonInput.of(Json.parseObject(ctx.body().buffer()));
        String criterion = input.requiredString("criterion", 20);
        Long judgeUserId = input.requiredLong("judgeUserId", 1, Long.MAX_VALUE);
        BigDecimal value = input.requiredDecimal("value");
        String reason = input.requiredString("reason", MAX_TEXT);
        input.check();
        var correction = new ChiefService.Correction(criterion, judgeUserId, value, reason);
        return Reply.ok(ChiefJson.corrected(chief.correct(actor, entryId, correction)));
    }

    private Reply history(RoutingContext ctx) {
        SignedInUser actor = signedIn(ctx);
        return Reply.ok(ChiefJson.history(history.of(actor, PathParams.id(ctx, "id"))));
    }

    private Reply progress(RoutingContext ctx) {
        SignedInUser actor = signedIn(ctx);
        return Reply.ok(ChiefJson.progress(chief.progress(actor, PathParams.id(ctx, "id"))));
    }

    /** The body is optional: {@code {"seed": n}} to draw a chosen sample, else the server picks a seed. */
    private Reply startRecheck(RoutingContext ctx) {
        SignedInUser actor = signedIn(ctx);
        long eventId = PathParams.id(ctx, "id");
        var body = ctx.body().buffer();
        Long seed = null;
        if (body != null && body.length() > 0) {
            JsonInput input = JsonInput.of(Json.parseObject(body));
            seed = input.optionalLong("seed", -RecheckService.MAX_SEED, RecheckService.MAX_SEED);
            input.check();
        }
        return Reply.created(ChiefJson.recheck(rechecks.start(actor, eventId, seed)));
    }

    private Reply recheck(RoutingContext ctx) {
        SignedInUser actor = signedIn(ctx);
        return Reply.ok(ChiefJson.recheck(rechecks.latest(actor, PathParams.id(ctx, "id"))));
    }

    private Reply recordItem(RoutingContext ctx) {
        SignedInUser actor = signedIn(ctx);
        long recheckId = PathParams.id(ctx, "id");
        long entryId = PathParams.id(ctx, "entryId");
        JsonInput input = JsonInput.of(Json.parseObject(ctx.body().buffer()));
        RecheckOutcome outcome = input.requiredEnum("outcome", RecheckOutcome.class);
        String note = input.optionalString("note", MAX_TEXT);
        input.check();
        return Reply.ok(ChiefJson.recheck(rechecks.record(actor, recheckId, entryId, outcome, note)));
    }

    private SignedInUser signedIn(RoutingContext ctx) {
        return auth.authenticate(ctx.request().getHeader("Authorization"));
    }
}
