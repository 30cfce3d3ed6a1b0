package org.craftmark.server.users;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.craftmark.server.auth.AuthHandlers;
import org.craftmark.server.auth.AuthService;
import org.craftmark.server.auth.Role;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.http.Blocking;
import org.craftmark.server.http.Json;
import org.craftmark.server.http.JsonInput;
import org.craftmark.server.http.PathParams;
import org.craftmark.server.http.QueryParams;
import org.craftmark.server.http.Reply;
import org.craftmark.server.http.Routes;
import org.craftmark.server.store.UserStore;

/** {@code /api/v1/users}: create, list/search, change (password, unit, disabled). */
public final class UserHandlers implements Routes {
    private final AuthService auth;
    private final UserService users;

    public UserHandlers(AuthService auth, UserService users) {
        this.auth = auth;
        this.users = users;
    }

    @Override
    public void mount(Router router, Blocking blocking) {
        router.post("/api/v1/users").handler(blocking.handler(this::create));
        router.get("/api/v1/users").handler(blocking.handler(this::list));
        router.patch("/api/v1/users/:id").handler(blocking.handler(this::update));
    }

    private Reply create(RoutingContext ctx) {
        SignedInUser actor = auth.authenticate(ctx.request().getHeader("Authorization"));
        JsonInput input = JsonInput.of(Json.parseObject(ctx.body().buffer()));
        var request = new UserService.NewUserRequest(
                input.requiredString("username", 64),
                input.requiredString("password", 256),
                input.requiredEnum("role", Role.class),
                input.requiredString("displayName", 100),
                input.optionalString("regionCode", 6),
                input.optionalString("affiliation", 200));
        input.check();
        return Reply.created(AuthHandlers.userJson(users.create(actor, request)));
    }

    /** {@code ?role=JUDGE&q=words}: q matches display name, username or affiliation (work unit). */
    private Reply list(RoutingContext ctx) {
        SignedInUser actor = auth.authenticate(ctx.request().getHeader("Authorization"));
        Role role = QueryParams.optionalEnum(ctx, "role", Role.class);
        String q = QueryParams.optionalString(ctx, "q", 100);
        JsonArray items = new JsonArray();
        users.list(actor, role, q).forEach(u -> items.add(json(u)));
        return Reply.ok(new JsonObject().put("items", items));
    }

    private Reply update(RoutingContext ctx) {
        SignedInUser actor = auth.authenticate(ctx.request().getHeader("Authorization"));
        long userId = PathParams.id(ctx, "id");
        JsonInput input = JsonInput.of(Json.parseObject(ctx.body().buffer()));
        var patch = new UserService.UserPatch(
                input.optionalString("displayName", 100),
                input.clearableString("affiliation", 200),
                input.optionalString("password", 256),
                input.optionalBoolean("disabled"));
        // A misspelt field must not pass as an empty change (answered 200 and audited).
        input.onlyFields("displayName", "affiliation", "password", "disabled");
        input.check();
        return Reply.ok(json(users.update(actor, userId, patch)));
    }

    static JsonObject json(UserStore.ListedUser listed) {
        return AuthHandlers.userJson(listed.user()).put("disabled", listed.disabled());
    }
}
