package org.craftmark.server.events;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.craftmark.core.contest.Group;
import org.craftmark.core.contest.Mode;
import org.craftmark.core.marking.Criterion;
import org.craftmark.core.marking.Kind;
import org.craftmark.core.marking.Method;
import org.craftmark.server.auth.AuthService;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.http.Blocking;
import org.craftmark.server.http.Json;
import org.craftmark.server.http.JsonInput;
import org.craftmark.server.http.PathParams;
import org.craftmark.server.http.Reply;
import org.craftmark.server.http.Routes;

import java.util.List;
import java.util.Optional;

/** {@code /api/v1/contests/{id}/events} and {@code /api/v1/events/{id}}. */
public final class EventHandlers implements Routes {
    private static final int MAX_CRITERIA = 200;

    private final AuthService auth;
    private final EventService events;

    public EventHandlers(AuthService auth, EventService events) {
        this.auth = auth;
        this.events = events;
    }

    @Override
    public void mount(Router router, Blocking blocking) {
        router.post("/api/v1/contests/:id/events").handler(blocking.handler(this::create));
        router.get("/api/v1/contests/:id/events").handler(blocking.handler(this::list));
        router.get("/api/v1/events/:id").handler(blocking.handler(this::get));
    }

    private Reply create(RoutingContext ctx) {
        SignedInUser actor = auth.authenticate(ctx.request().getHeader("Authorization"));
        long contestId = PathParams.id(ctx, "id");
        JsonInput input = JsonInput.of(Json.parseObject(ctx.body().buffer()));
        String code = input.requiredString("occupationCode", 20);
        String name = input.requiredString("occupationName", 100);
        Group group = input.requiredEnum("group", Group.class);
        Mode mode = input.requiredEnum("mode", Mode.class);
        Long teamSize = input.optionalLong("teamSize", 0, 100);
        Long quota = input.optionalLong("advanceQuota", 0, 10_000);
        var minScore = input.optionalDecimal("advanceMinScore");
        JsonInput scheme = input.object("scheme");
        List<Criterion> criteria = scheme.objects("criteria", true, MAX_CRITERIA).stream().map(EventHandlers::criterion).toList();
        List<String> tieBreak = scheme.strings("tieBreak", 20, 40);
        input.check();
        var request = new EventService.EventRequest(code, name, group, mode, toInt(teamSize), toInt(quota), minScore, criteria, tieBreak);
        return Reply.created(EventJson.of(events.create(actor, contestId, request)));
    }

    private static Criterion criterion(JsonInput c) {
        Long judges = c.requiredLong("judges", 0, 1000);
        Long trim = c.optionalLong("trim", 0, 100);
        return new Criterion(c.requiredString("code", 20), c.requiredString("module", 20), c.requiredString("name", 100),
                c.requiredEnum("kind", Kind.class), c.requiredDecimal("maxMark"), c.requiredEnum("method", Method.class),
                judges == null ? 0 : judges.intValue(), trim == null ? Criterion.DEFAULT_TRIM : trim.intValue());
    }

    private Reply list(RoutingContext ctx) {
        boolean signedIn = auth.viewer(ctx.request().getHeader("Authorization")).isPresent();
        JsonArray items = new JsonArray();
        events.ofContest(PathParams.id(ctx, "id")).forEach(e -> items.add(signedIn ? EventJson.of(e) : EventJson.publicView(e)));
        return Reply.ok(new JsonObject().put("items", items));
    }

    private Reply get(RoutingContext ctx) {
        Optional<SignedInUser> viewer = auth.viewer(ctx.request().getHeader("Authorization"));
        var event = events.get(PathParams.id(ctx, "id"));
        return Reply.ok(viewer.isPresent() ? EventJson.of(event) : EventJson.publicView(event));
    }

    private static Integer toInt(Long value) {
        return value == null ? null : value.intValue();
    }
}
