package org.craftmark.server.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.craftmark.server.health.HealthHandlers;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The HTTP server: the cross-cutting handlers are set up in {@link #router()}, then each resource's
 * {@link Routes} mounts its own routes (the list is put together in {@code Craftmark}). Handlers parse, call a service on a worker thread, and write.
 */
public final class ApiVerticle extends VerticleBase {
    public static final int MAX_BODY_BYTES = 1024 * 1024;
    public static final int MAX_IMPORT_BYTES = 10 * 1024 * 1024;
    /**
     * Netty's own limit, above the protocol's 16 KiB, so that an oversized frame reaches the session
     * and is refused there with the contract's close code 1008 and a reason.
     */
    public static final int MAX_WEBSOCKET_FRAME_BYTES = 64 * 1024;

    /** The browser pages and their assets: HTML and static files, not part of the API document. */
    static final List<String> WEB_PAGE_PREFIXES = List.of("/console", "/assets", "/judge", "/live", "/results", "/verify");
    private static final Pattern PATH_PARAM = Pattern.compile("(?<=/):([A-Za-z][A-Za-z0-9_]*)");
    private static final Pattern NAMED_GROUP = Pattern.compile("\\(\\?<([A-Za-z][A-Za-z0-9]*)>[^()]*\\)");
    private static final Pattern ESCAPED = Pattern.compile("\\\\([/.:-])");
    private static final Pattern LITERAL_PATH = Pattern.compile("/[A-Za-z0-9_/.:{}-]*");

    private final int port;
    private final HealthHandlers health;
    private final List<Routes> resources;
    private final OriginPolicy origins;
    private final WorkLimit workLimit;
    private HttpServer server;
    private volatile Router router;

    public ApiVerticle(int port, HealthHandlers health, List<Routes> resources, OriginPolicy origins) {
        this(port, health, resources, origins, new WorkLimit(WorkLimit.DEFAULT_MAX_IN_FLIGHT));
    }

    private ApiVerticle(int port, HealthHandlers health, List<Routes> resources, OriginPolicy origins, WorkLimit workLimit) {
        this.port = port;
        this.health = health;
        this.resources = List.copyOf(resources);
        this.origins = origins;
        this.workLimit = workLimit;
    }

    /** Another instance on the same port and routes, for another event loop; the work limit is shared. */
    public ApiVerticle copy() {
        return new ApiVerticle(port, health, resources, origins, workLimit);
    }

    @Override
    public Future<?> start() {
        HttpServerOptions options = new HttpServerOptions()
                .setPort(port)
                .setCompressionSupported(true)
                .setMaxWebSocketFrameSize(MAX_WEBSOCKET_FRAME_BYTES)
                .setMaxWebSocketMessageSize(MAX_WEBSOCKET_FRAME_BYTES);
        router = router();
        WebSockets webSockets = new WebSockets(vertx, resources.stream().flatMap(r -> r.webSockets().stream()).toList(), origins,
                workLimit);
        Router routes = router;
        return vertx.createHttpServer(options)
                .requestHandler(request -> {
                    if (WebSockets.isUpgrade(request)) {
                        webSockets.handle(request);
                    } else {
                        routes.handle(request);
                    }
                })
                .invalidRequestHandler(InvalidRequests::handle)
                .listen()
                .onSuccess(s -> server = s);
    }

    private Router router() {
        Router router = Router.router(vertx);
        Blocking blocking = new Blocking(vertx, workLimit);
        router.route().handler(RequestLog::handle);
        router.route().handler(SecurityHeaders::handle);
        BodyHandler body = BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES);
        BodyHandler importBody = BodyHandler.create(false).setBodyLimit(MAX_IMPORT_BYTES);
        router.route("/api/*").handler(ApiVerticle::refuseForms);
        router.route("/api/*").handler(ctx -> (isImport(ctx) ? importBody : body).handle(ctx));

        health.mount(router);
        resources.forEach(resource -> resource.mount(router, blocking));

        router.route().failureHandler(ErrorResponses::handle);
        router.errorHandler(404, ctx -> ErrorResponses.write(ctx, ApiException.notFound("The resource " + ctx.normalizedPath())));
        router.errorHandler(405, ctx -> ErrorResponses.write(ctx, ApiException.notFound("That method on " + ctx.normalizedPath())));
        return router;
    }

    /**
     * The API reads JSON (CSV for imports), never forms; Vert.x's form decoder would also throw (a
     * 500) on a GET that claims to carry one.
     */
    private static void refuseForms(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        String lower = type == null ? "" : type.toLowerCase(Locale.ROOT);
        if (lower.startsWith("multipart/") || lower.startsWith("application/x-www-form-urlencoded")) {
            ctx.fail(ApiException.malformed("Send JSON (or CSV to an import), not a form.", List.of()));
            return;
        }
        ctx.next();
    }

    /** CSV imports may be up to 10 MiB; every other body up to 1 MiB. */
    private static boolean isImport(RoutingContext ctx) {
        return ctx.request().path().endsWith(":import");
    }

    /** The port actually bound (tests ask for port 0). */
    public int actualPort() {
        return server.actualPort();
    }

    /**
     * The API's routes as {@code "METHOD /path/{param}"}, sorted: what the OpenAPI document must
     * describe. Left out: routes for any method or path (cross-cutting handlers), wildcard routes,
     * and the browser pages under {@link #WEB_PAGE_PREFIXES}.
     */
    public List<String> apiRoutes() {
        if (router == null) {
            throw new IllegalStateException("the API verticle has not started");
        }
        return apiRoutes(router);
    }

    static List<String> apiRoutes(Router router) {
        TreeSet<String> routes = new TreeSet<>();
        for (Route route : router.getRoutes()) {
            String path = literalPath(route);
            if (path == null || route.methods() == null || route.methods().isEmpty() || isWebPage(path)) {
                continue;
            }
            String documented = PATH_PARAM.matcher(path).replaceAll("{$1}");
            route.methods().forEach(method -> routes.add(method.name() + " " + documented));
        }
        return List.copyOf(routes);
    }

    /**
     * The route's exact path with Vert.x {@code :param}s, or with {@code {param}}s for a regex route
     * whose only groups are named path segments ({@code (?<id>[^/]+)}); null for wildcard routes and
     * regexes that are not a path.
     */
    private static String literalPath(Route route) {
        if (route.getPath() != null) {
            return route.isExactPath() ? route.getPath() : null;
        }
        String regex = route.getName();
        if (!route.isRegexPath() || regex == null) {
            return null;
        }
        String path = ESCAPED.matcher(NAMED_GROUP.matcher(regex).replaceAll("{$1}")).replaceAll("$1");
        return LITERAL_PATH.matcher(path).matches() ? path : null;
    }

    private static boolean isWebPage(String path) {
        return WEB_PAGE_PREFIXES.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"));
    }
}
