package org.craftmark.server.users;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.craftmark.server.auth.AuthHandlers;
import org.craftmark.server.auth.AuthService;
import org.craftmark.server.auth.Role;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.http.Blocking;
import org.craftmark.server.http.Json;
import org.craftmark.server.http.JsonInput;
import org.craftmark.server.http.Reply;
import org.craftmark.server.http.Routes;

/** {@code /api/v1/users}. */
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
}
