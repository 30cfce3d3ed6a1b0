package org.craftmark.server.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import org.craftmark.server.health.HealthHandlers;

import java.util.List;

/**
 * The HTTP server: the cross-cutting handlers are set up in {@link #router()}, then each resource's
 * {@link Routes} mounts its own routes (the list is put together in {@code Craftmark}). Handlers parse, call a service on a worker thread, and write.
 */
public final class ApiVerticle extends VerticleBase {
    public static final int MAX_BODY_BYTES = 1024 * 1024;
    public static final int MAX_WEBSOCKET_FRAME_BYTES = 16 * 1024;

    private final int port;
    private final HealthHandlers health;
    private final List<Routes> resources;
    private HttpServer server;

    public ApiVerticle(int port, HealthHandlers health, List<Routes> resources) {
        this.port = port;
        this.health = health;
        this.resources = List.copyOf(resources);
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
        resources.forEach(resource -> resource.mount(router, blocking));

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
