package org.craftmark.server.contests;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.craftmark.core.contest.Category;
import org.craftmark.core.contest.Tier;
import org.craftmark.core.pipeline.LifecycleAction;
import org.craftmark.server.auth.AuthService;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.http.Blocking;
import org.craftmark.server.http.Json;
import org.craftmark.server.http.JsonInput;
import org.craftmark.server.http.PathParams;
import org.craftmark.server.http.Reply;
import org.craftmark.server.http.Routes;
import org.craftmark.server.store.ContestStore.Visibility;

import java.util.Optional;

/** {@code /api/v1/contests}: create, read, and the lifecycle moves. */
public final class ContestHandlers implements Routes {
    private final AuthService auth;
    private final ContestService contests;
    private final PublicationService publication;
    private final FinalizationService finalization;
    private final LifecycleService lifecycle;

    public ContestHandlers(AuthService auth, ContestService contests, PublicationService publication,
                           FinalizationService finalization, LifecycleService lifecycle) {
        this.auth = auth;
        this.contests = contests;
        this.publication = publication;
        this.finalization = finalization;
        this.lifecycle = lifecycle;
    }

    @Override
    public void mount(Router router, Blocking blocking) {
        router.post("/api/v1/contests").handler(blocking.handler(this::create));
        router.get("/api/v1/contests").handler(blocking.handler(this::list));
        router.get("/api/v1/contests/:id").handler(blocking.handler(this::get));
        router.post("/api/v1/contests/:id/open").handler(blocking.handler(ctx -> move(ctx, LifecycleAction.OPEN)));
        router.post("/api/v1/contests/:id/start").handler(blocking.handler(ctx -> move(ctx, LifecycleAction.START)));
        router.post("/api/v1/contests/:id/publish").handler(blocking.handler(this::publish));
        router.post("/api/v1/contests/:id/finalize").handler(blocking.handler(this::finalizeContest));
        router.get("/api/v1/contests/:id/lifecycle").handler(blocking.handler(this::lifecycle));
    }

    private Reply create(RoutingContext ctx) {
        SignedInUser actor = auth.authenticate(ctx.request().getHeader("Authorization"));
        JsonInput input = JsonInput.of(Json.parseObject(ctx.body().buffer()));
        var request = new ContestService.ContestRequest(
                input.requiredString("name", 200),
                intOrNull(input.requiredLong("year", 2000, 2100)),
                input.requiredEnum("tier", Tier.class),
                input.requiredString("regionCode", 6),
                input.optionalEnum("category", Category.class),
                input.optionalLong("feedsInto", 1, Long.MAX_VALUE),
                input.optionalEnum("visibility", Visibility.class),
                intOrNull(input.optionalLong("noticeDays", 0, 30)));
        input.check();
        return Reply.created(ContestJson.of(contests.create(actor, request)));
    }

    private Reply list(RoutingContext ctx) {
        Optional<SignedInUser> viewer = auth.viewer(ctx.request().getHeader("Authorization"));
        JsonArray items = new JsonArray();
        contests.all().forEach(c -> items.add(viewer.isPresent() ? ContestJson.of(c) : ContestJson.publicView(c)));
        return Reply.ok(new JsonObject().put("items", items));
    }

    private Reply get(RoutingContext ctx) {
        Optional<SignedInUser> viewer = auth.viewer(ctx.request().getHeader("Authorization"));
        var contest = contests.get(PathParams.id(ctx, "id"));
        return Reply.ok(viewer.isPresent() ? ContestJson.of(contest) : ContestJson.publicView(contest));
    }

    private Reply move(RoutingContext ctx, LifecycleAction action) {
        SignedInUser actor = auth.authenticate(ctx.request().getHeader("Authorization"));
        return Reply.ok(ContestJson.of(contests.move(actor, PathParams.id(ctx, "id"), action)));
    }

    private Reply publish(RoutingContext ctx) {
        SignedInUser actor = auth.authenticate(ctx.request().getHeader("Authorization"));
        return Reply.ok(ContestJson.of(publication.publish(actor, PathParams.id(ctx, "id"))));
    }

    private Reply finalizeContest(RoutingContext ctx) {
        SignedInUser actor = auth.authenticate(ctx.request().getHeader("Authorization"));
        return Reply.ok(ContestJson.of(finalization.finalizeContest(actor, PathParams.id(ctx, "id"))));
    }

    private Reply lifecycle(RoutingContext ctx) {
        SignedInUser actor = auth.authenticate(ctx.request().getHeader("Authorization"));
        return Reply.ok(ContestJson.lifecycle(lifecycle.view(actor, PathParams.id(ctx, "id"))));
    }

    static Integer intOrNull(Long value) {
        return value == null ? null : Math.toIntExact(value);
    }
}
