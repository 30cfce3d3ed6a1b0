package org.craftmark.server;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import org.craftmark.core.recheck.RecheckPolicy;
import org.craftmark.server.advancement.AdvancementHandlers;
import org.craftmark.server.advancement.AdvancementService;
import org.craftmark.server.analysis.LeniencyHandlers;
import org.craftmark.server.appeals.AppealHandlers;
import org.craftmark.server.appeals.AppealService;
import org.craftmark.server.analysis.LeniencyService;
import org.craftmark.server.audit.AuditHandlers;
import org.craftmark.server.audit.AuditLog;
import org.craftmark.server.audit.AuditService;
import org.craftmark.server.auth.AuthHandlers;
import org.craftmark.server.auth.AuthService;
import org.craftmark.server.auth.LoginThrottle;
import org.craftmark.server.certificates.CertificateHandlers;
import org.craftmark.server.certificates.CertificateIssuer;
import org.craftmark.server.certificates.CertificatePdf;
import org.craftmark.server.certificates.CertificateService;
import org.craftmark.server.certificates.DownloadProgress;
import org.craftmark.server.chief.ChiefHandlers;
import org.craftmark.server.cluster.ClusterBoards;
import org.craftmark.server.cluster.ClusteredVertx;
import org.craftmark.server.chief.MarkHistory;
import org.craftmark.server.chief.ChiefService;
import org.craftmark.server.chief.RecheckService;
import org.craftmark.server.config.ServerConfig;
import org.craftmark.server.contests.ContestHandlers;
import org.craftmark.server.contests.ContestService;
import org.craftmark.server.contests.FinalizationService;
import org.craftmark.server.contests.LifecycleService;
import org.craftmark.server.contests.PublicationService;
import org.craftmark.server.persons.PersonHandlers;
import org.craftmark.server.persons.PersonHistoryService;
import org.craftmark.server.privacy.IdNumberKeys;
import org.craftmark.server.results.PublicResultsHandlers;
import org.craftmark.server.results.PublicResultsService;
import org.craftmark.server.results.RecordedResultsHandlers;
import org.craftmark.server.results.RecordedResultsService;
import org.craftmark.server.entries.EntryHandlers;
import org.craftmark.server.entries.EntryService;
import org.craftmark.server.entitlements.EntitlementHandlers;
import org.craftmark.server.entitlements.EntitlementQueries;
import org.craftmark.server.entitlements.EntitlementService;
import org.craftmark.server.events.EventHandlers;
import org.craftmark.server.events.EventService;
import org.craftmark.server.panels.PanelHandlers;
import org.craftmark.server.panels.PanelService;
import org.craftmark.server.regions.RegionHandlers;
import org.craftmark.server.live.LiveFeeds;
import org.craftmark.server.live.LiveHandlers;
import org.craftmark.server.results.ResultsService;
import org.craftmark.server.regions.RegionService;
import org.craftmark.server.health.HealthHandlers;
import org.craftmark.server.http.ApiVerticle;
import org.craftmark.server.http.OpenApiDocument;
import org.craftmark.server.http.OriginPolicy;
import org.craftmark.server.marking.Assignments;
import org.craftmark.server.marking.DiscrepancyWatch;
import org.craftmark.server.marking.JudgeSessions;
import org.craftmark.server.marking.MarkHandlers;
import org.craftmark.server.marking.MyMarks;
import org.craftmark.server.marking.MyMarksHandlers;
import org.craftmark.server.marking.MarkService;
import org.craftmark.server.http.Routes;
import org.craftmark.server.http.SocketLimit;
import org.craftmark.server.http.WebPages;
import org.craftmark.server.store.Database;
import org.craftmark.server.store.RegionStore;
import org.craftmark.server.store.Stores;
import org.craftmark.server.users.UserHandlers;
import org.craftmark.server.users.UserService;
import org.craftmark.server.winners.WinnerHandlers;
import org.craftmark.server.winners.WinnerService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A running Craftmark server: the database, the services over it and the HTTP/WebSocket endpoints.
 * All wiring is here, by hand: a reader sees every part and what it depends on.
 */
public final class Craftmark implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Craftmark.class);
    /** Vert.x's default event-loop pool: two per core. */
    private static final int EVENT_LOOPS = VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE;

    private final Vertx vertx;
    private final Database db;
    private final Services services;
    private final int port;
    private final ApiVerticle api;
    private final Optional<ClusterBoards> cluster;

    /** The services of a running server, for the demo seed and for tests that set up data. */
    public record Services(AuthService auth, UserService users, RegionStore regions, AuditLog auditLog, AuditService audit,
                           RegionService regionService, ContestService contests, EventService events,
                           EntryService entries, PanelService panels, MarkService marks, Assignments assignments,
                           JudgeSessions judges, ResultsService results, LiveFeeds live, ChiefService chief,
                           RecheckService rechecks, LeniencyService leniency, PublicationService publication,
                           AppealService appeals, FinalizationService finalization, AdvancementService advancement,
                           RecordedResultsService recorded, PersonHistoryService persons, LifecycleService lifecycle,
                           PublicResultsService publicResults, EntitlementQueries entitlements, CertificateService certificates,
                           DownloadProgress downloads, WinnerService winners, SocketLimit liveScreens) {
    }

    private Craftmark(Vertx vertx, Database db, Services services, ApiVerticle api, Optional<ClusterBoards> cluster) {
        this.vertx = vertx;
        this.cluster = cluster;
        this.db = db;
        this.services = services;
        this.api = api;
        this.port = api.actualPort();
    }

    /** Migrates the database and starts listening; returns once the server accepts requests. */
    public static Craftmark start(ServerConfig config, Clock clock) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ClusteredVertx.Node node = vertx(config, registry);
        Vertx vertx = node.vertx();
        Database db;
        try {
            db = Database.open(config.jdbcUrl(), config.dbUser(), config.dbPassword(), ServerConfig.DEFAULT_DB_POOL_SIZE, registry,
                    IdNumberKeys.vaultFor(config), config.dbTimeouts());
        } catch (RuntimeException e) {
            vertx.close();
            throw e;
        }
        Services services = services(vertx, db, clock, config);
        services.marks().addListener(services.results());
        services.entries().onEventChanged(services.results()::refresh);
        services.advancement().onEventChanged(services.results()::refresh);
        services.recorded().onEventChanged(services.results()::refresh);
        services.appeals().onEventReopened(eventId -> {
            services.judges().push(eventId, new JsonObject().put("type", "unlocked").put("eventId", eventId));
            services.results().refresh(eventId);
        });
        services.panels().onSeated((eventId, judgeId) -> services.judges().assignmentsChanged(judgeId));
        // Only marks of seats covering their criterion count: a seat change can change the board.
        services.panels().onSeated((eventId, judgeId) -> services.results().refresh(eventId));
        services.results().addListener(services.live());
        services.live().registerMetrics(registry);
        // A new password or a disabled account ends the user's sessions, open tablets included.
        services.users().onSessionsEnded(services.judges()::endSessionsOf);
        services.users().onSessionsEnded(services.live().signedIn()::endSessionsOf);
        // A judge's unit decides conflicts of interest: their panels re-read it (assignments, boards).
        services.users().onAffiliationChanged(services.panels()::judgeChanged);
        services.marks().addListener(new DiscrepancyWatch(db, services.judges()));
        config.adminPassword().ifPresent(services.users()::ensureAdmin);
        Gauge.builder("craftmark.live.screens", services.liveScreens(), SocketLimit::open)
                .description("Live screens open on this node").register(registry);
        HealthHandlers health = new HealthHandlers(vertx, db::isUp, registry);
        List<Routes> routes = routes(vertx, db, services, config);
        ApiVerticle api = new ApiVerticle(sharedPort(config.port()), health, routes,
                OriginPolicy.of(config.baseUrl(), config.security().allowedOrigins()));
        Optional<ClusterBoards> cluster = Optional.ofNullable(node.nodeId()).map(id -> new ClusterBoards(vertx, services.results(), id));
        try {
            cluster.ifPresent(boards -> {
                services.results().addListener(boards);
                services.marks().addListener(boards);
                boards.start().await();
            });
            deployOnEveryEventLoop(vertx, api);
        } catch (RuntimeException e) {
            vertx.close();
            db.close();
            throw e;
        }
        LOG.info("Craftmark listening on port {}{}", api.actualPort(), cluster.map(c -> " as cluster node " + c.nodeId()).orElse(""));
        return new Craftmark(vertx, db, services, api, cluster);
    }

    /** A Vert.x of its own, or one joined to the cluster ({@code serve --cluster}; then with a node id). */
    private static ClusteredVertx.Node vertx(ServerConfig config, PrometheusMeterRegistry registry) {
        VertxBuilder builder = Vertx.builder().withMetrics(new MicrometerMetricsFactory(registry));
        VertxOptions options = new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions()
                .setEnabled(true)
                .setJvmMetricsEnabled(true));
        return config.cluster().enabled()
                ? ClusteredVertx.start(builder, options, config.cluster())
                : new ClusteredVertx.Node(builder.with(options).build(), null);
    }

    /**
     * One HTTP server per event loop on the same port: Vert.x binds the port once and hands new
     * connections to the instances in turn, so sockets (the live screens' above all) are spread over
     * every event loop instead of all being written from one. {@code api} is the first instance.
     */
    private static void deployOnEveryEventLoop(Vertx vertx, ApiVerticle api) {
        AtomicInteger made = new AtomicInteger();
        vertx.deployVerticle(() -> made.getAndIncrement() == 0 ? api : api.copy(),
                new DeploymentOptions().setInstances(EVENT_LOOPS)).await();
    }

    /**
     * Port 0 (any free port) is not shared between server instances by Vert.x; a negative port is:
     * every instance asking for -1 shares one free port.
     */
    private static int sharedPort(int port) {
        return port == 0 ? -1 : port;
    }

    private static Services services(Vertx vertx, Database db, Clock clock, ServerConfig config) {
        Stores stores = db.stores();
        AuthService auth = new AuthService(stores.users(), stores.tokens(), new LoginThrottle(clock), clock,
                config.security().tokenLifetime());
        AuditLog auditLog = new AuditLog(clock);
        ResultsService results = new ResultsService(db);
        LiveFeeds live = new LiveFeeds(vertx, results, System::nanoTime);
        JudgeSessions judges = new JudgeSessions();
        AppealService appeals = new AppealService(db, auditLog, clock);
        AdvancementService advancement = new AdvancementService(db, auditLog, clock);
        FinalizationService finalization = new FinalizationService(db, auditLog, clock);
        finalization.addStep(new EntitlementService(auditLog, new CertificateIssuer(config.certificates(), auditLog)));
        DownloadProgress downloads = new DownloadProgress(clock);
        return new Services(auth, new UserService(db, auditLog, clock), stores.regions(), auditLog, new AuditService(db),
                new RegionService(db, auditLog, clock), new ContestService(db, auditLog, clock),
                new EventService(db, auditLog, clock), new EntryService(db, auditLog, clock, appeals),
                new PanelService(db, auditLog, clock), new MarkService(db, auditLog, clock), new Assignments(db),
                judges, results, live,
                new ChiefService(db, auditLog, clock, judges, results, appeals, RecheckPolicy.STANDARD),
                new RecheckService(db, auditLog, clock),
                new LeniencyService(db), new PublicationService(db, live, auditLog, clock), appeals,
                finalization, advancement, new RecordedResultsService(db, auditLog, clock),
                new PersonHistoryService(db, clock), new LifecycleService(db, advancement, clock), new PublicResultsService(db, clock),
                new EntitlementQueries(db, auditLog, clock),
                new CertificateService(db, auditLog, clock, new CertificatePdf(), config.baseUrl(), downloads), downloads,
                new WinnerService(db, auditLog), new SocketLimit(config.live().maxScreens(), "live screens"));
    }

    /** Every resource of the API, in the order their routes are mounted. */
    private static List<Routes> routes(Vertx vertx, Database db, Services services, ServerConfig config) {
        return List.of(
                new AuthHandlers(services.auth()),
                new UserHandlers(services.auth(), services.users()),
                new RegionHandlers(services.auth(), services.regionService()),
                new ContestHandlers(services.auth(), services.contests(), services.publication(), services.finalization(),
                        services.lifecycle()),
                new AppealHandlers(services.auth(), services.appeals()),
                new AdvancementHandlers(services.auth(), services.advancement()),
                new RecordedResultsHandlers(services.auth(), services.recorded()),
                new PublicResultsHandlers(services.publicResults()),
                new EntitlementHandlers(services.auth(), services.entitlements()),
                new CertificateHandlers(services.auth(), services.certificates(), services.downloads(), config.baseUrl()),
                new WinnerHandlers(services.auth(), services.winners()),
                new PersonHandlers(services.auth(), services.persons()),
                new EventHandlers(services.auth(), services.events()),
                new EntryHandlers(services.auth(), services.entries()),
                new PanelHandlers(services.auth(), services.panels()),
                new ChiefHandlers(services.auth(), services.chief(), services.rechecks(), new MarkHistory(db)),
                new MyMarksHandlers(services.auth(), new MyMarks(db)),
                new LiveHandlers(vertx, services.auth(), services.results(), services.live(), services.liveScreens(), config.live()),
                new LeniencyHandlers(services.auth(), services.leniency()),
                new MarkHandlers(vertx, services.auth(), services.marks(), services.assignments(), services.judges(),
                        services.live()::afterPublished),
                new AuditHandlers(services.auth(), services.audit()),
                new OpenApiDocument(),
                new WebPages());
    }

    public int port() {
        return port;
    }

    public Services services() {
        return services;
    }

    /** This node's part in the cluster, when it runs in one. */
    public Optional<ClusterBoards> cluster() {
        return cluster;
    }

    public Database database() {
        return db;
    }

    @Override
    public void close() {
        try {
            vertx.close().await();
        } finally {
            services.marks().close();
            db.close();
        }
    }

    /** The API's routes as {@code "METHOD /path/{param}"}, for the test that keeps the OpenAPI document true. */
    public List<String> apiRoutes() {
        return api.apiRoutes();
    }
}
