package org.craftmark.server.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import org.craftmark.server.auth.AuthHandlers;
import org.craftmark.server.health.HealthHandlers;
import org.craftmark.server.users.UserHandlers;

/**
 * The HTTP server: every route of the API is listed in {@link #router()}, each delegating to the
 * handler class of its resource. Handlers parse, call a service on a worker thread, and write.
 */
public final class ApiVerticle extends VerticleBase {
    public static final int MAX_BODY_BYTES = 1024 * 1024;
    public static final int MAX_WEBSOCKET_FRAME_BYTES = 16 * 1024;

    private final int port;
    private final HealthHandlers health;
    private final AuthHandlers auth;
    private final UserHandlers users;
    private HttpServer server;

    public ApiVerticle(int port, HealthHandlers health, AuthHandlers auth, UserHandlers users) {
        this.port = port;
        this.health = health;
        this.auth = auth;
        this.users = users;
    }

    @Override
    public Future<?> start() {
        HttpServerOptions options = new HttpServerOptions()
                .setPort(port)
                .setCompressionSupported(true)
                .setMaxWebSocketFrameSize(MAX_WEBSOCKET_FRAME_BYTES)
                .setMaxWebSocketMessageSize(MAX_WEBSOCKET_FRAME_BYTES);
        return vertx.createHttpServer(options)
                .requestHandler(router())
                .listen()
                .onSuccess(s -> server = s);
    }

    private Router router() {
        Router router = Router.router(vertx);
        Blocking blocking = new Blocking(vertx);
        router.route().handler(RequestLog::handle);
        router.route().handler(SecurityHeaders::handle);
        router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));

        health.mount(router);
        auth.mount(router, blocking);
        users.mount(router, blocking);

        router.route().failureHandler(ErrorResponses::handle);
        router.errorHandler(404, ctx -> ErrorResponses.write(ctx, ApiException.notFound("The resource " + ctx.normalizedPath())));
        router.errorHandler(405, ctx -> ErrorResponses.write(ctx, ApiException.notFound("That method on " + ctx.normalizedPath())));
        return router;
    }

    /** The port actually bound (tests ask for port 0). */
    public int actualPort() {
        return server.actualPort();
    }
}
