package org.craftmark.server.auth;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.craftmark.server.http.Blocking;
import org.craftmark.server.http.Json;
import org.craftmark.server.http.JsonInput;
import org.craftmark.server.http.Reply;
import org.craftmark.server.http.Routes;

import java.time.temporal.ChronoUnit;

/** {@code /api/v1/auth/*}: sign in, and tickets for WebSockets. */
public final class AuthHandlers implements Routes {
    private final AuthService auth;

    public AuthHandlers(AuthService auth) {
        this.auth = auth;
    }

    @Override
    public void mount(Router router, Blocking blocking) {
        router.post("/api/v1/auth/login").handler(blocking.handler(this::login));
        router.post("/api/v1/auth/ws-ticket").handler(blocking.handler(this::wsTicket));
    }

    private Reply login(RoutingContext ctx) {
        JsonInput input = JsonInput.of(Json.parseObject(ctx.body().buffer()));
        String username = input.requiredString("username", 64);
        String password = input.requiredString("password", 256);
        input.check();
        AuthService.Session session = auth.login(username, password);
        return Reply.ok(new JsonObject()
                .put("token", session.token())
                .put("expiresAt", session.expiresAt().truncatedTo(ChronoUnit.SECONDS).toString())
                .put("user", userJson(session.user())));
    }

    private Reply wsTicket(RoutingContext ctx) {
        SignedInUser user = auth.authenticate(ctx.request().getHeader("Authorization"));
        return Reply.ok(new JsonObject().put("ticket", auth.issueTicket(user)));
    }

    /** The public face of a user: never the password hash. */
    public static JsonObject userJson(SignedInUser user) {
        return new JsonObject()
                .put("id", user.id())
                .put("username", user.username())
                .put("role", user.role().name())
                .put("displayName", user.displayName())
                .put("regionCode", user.regionCode())
                .put("affiliation", user.affiliation());
    }
}
