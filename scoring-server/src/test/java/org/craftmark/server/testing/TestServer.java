package org.craftmark.server.testing;

import org.craftmark.server.Craftmark;
import org.craftmark.server.config.ClusterSettings;
import org.craftmark.server.config.LiveSettings;
import org.craftmark.server.config.ServerConfig;
import org.craftmark.server.store.DatabaseTimeouts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

/** A real Craftmark server on a free port, over a database of its own, with a clock the test moves. */
public final class TestServer implements AutoCloseable {
    public static final String ADMIN_PASSWORD = "admin-secret-1";
    public static final String START = "2026-11-21T09:00:00Z";
    /** The configured public address (certificates' QR codes point here), not the test's loopback one. */
    public static final String PUBLIC_URL = "https://results.craftmark.example";

    private final TestDatabase database;
    /** Whether closing this server drops the database (a cluster's other nodes only borrow it). */
    private final boolean ownsDatabase;
    private final MutableClock clock;
    private final ServerConfig config;
    private final int port;
    private volatile Craftmark app;
    private final Api api;

    private TestServer(TestDatabase database, MutableClock clock, ServerConfig config, Craftmark app) {
        this(database, true, clock, config, app);
    }

    private TestServer(TestDatabase database, boolean ownsDatabase, MutableClock clock, ServerConfig config, Craftmark app) {
        this.database = database;
        this.ownsDatabase = ownsDatabase;
        this.clock = clock;
        this.config = config;
        this.app = app;
        this.port = app.port();
        this.api = new Api("http://127.0.0.1:" + port);
    }

    public static TestServer start(Backend backend) {
        return start(backend, ServerConfig.SecuritySettings.DEFAULT);
    }

    /** A server with its own session lifetime and allowed WebSocket origins. */
    public static TestServer start(Backend backend, ServerConfig.SecuritySettings security) {
        return startOn(TestDatabases.fresh(backend), Optional.empty(), security);
    }

    /** A server on a fresh database with other bounds on its live screens (a small cap a test can fill). */
    public static TestServer start(Backend backend, LiveSettings live) {
        return startOn(TestDatabases.fresh(backend), Optional.empty(), ServerConfig.SecuritySettings.DEFAULT, DatabaseTimeouts.DEFAULT, live);
    }

    /**
     * A server over a database the test prepared (e.g. restored from a backup), with the ID-number
     * key given (else a key file in its data directory); closing it drops the database.
     */
    public static TestServer startOn(TestDatabase database, Optional<String> idKey) {
        return startOn(database, idKey, ServerConfig.SecuritySettings.DEFAULT);
    }

    /**
     * A server over a database the test prepared (e.g. reached through a faulty proxy) that gives up
     * on the database after {@code timeouts}; closing it drops the database.
     */
    public static TestServer startOn(TestDatabase database, DatabaseTimeouts timeouts) {
        return startOn(database, Optional.empty(), ServerConfig.SecuritySettings.DEFAULT, timeouts);
    }

    private static TestServer startOn(TestDatabase database, Optional<String> idKey, ServerConfig.SecuritySettings security) {
        return startOn(database, idKey, security, DatabaseTimeouts.DEFAULT);
    }

    private static TestServer startOn(TestDatabase database, Optional<String> idKey, ServerConfig.SecuritySettings security,
                                      DatabaseTimeouts timeouts) {
        return startOn(database, idKey, security, timeouts, LiveSettings.DEFAULT);
    }

    private static TestServer startOn(TestDatabase database, Optional<String> idKey, ServerConfig.SecuritySettings security,
                                      DatabaseTimeouts timeouts, LiveSettings live) {
        Backend backend = database.backend();
        MutableClock clock = MutableClock.at(START);
        try {
            Path dataDir = database.dataDir() != null ? database.dataDir() : Files.createTempDirectory("craftmark-data-");
            ServerConfig config = new ServerConfig(0, dataDir, database.jdbcUrl(), database.user(), database.password(),
                    Optional.of(ADMIN_PASSWORD), PUBLIC_URL, ServerConfig.CertificateSettings.DEFAULT, idKey, security)
                    .withDbTimeouts(timeouts).withLive(live);
            return new TestServer(database, clock, config, Craftmark.start(config, clock));
        } catch (Exception | Error e) {
            database.close();
            throw new IllegalStateException("test server did not start on " + backend + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@code nodes} servers joined in a cluster on loopback (fresh Hazelcast ports, a cluster name of
     * their own so no other test's nodes join) over one database. The first owns the database: close
     * it last.
     */
    public static List<TestServer> cluster(Backend backend, int nodes) {
        TestDatabase database = TestDatabases.fresh(backend);
        MutableClock clock = MutableClock.at(START);
        List<Integer> ports = IntStream.range(0, nodes).mapToObj(i -> ServerProcess.freePort()).toList();
        List<String> members = ports.stream().map(p -> "127.0.0.1:" + p).toList();
        String name = "craftmark-test-" + UUID.randomUUID();
        List<TestServer> servers = new ArrayList<>();
        try {
            Path dataDir = database.dataDir() != null ? database.dataDir() : Files.createTempDirectory("craftmark-data-");
            for (int port : ports) {
                ServerConfig config = new ServerConfig(0, dataDir, database.jdbcUrl(), database.user(), database.password(),
                        Optional.of(ADMIN_PASSWORD), PUBLIC_URL, ServerConfig.CertificateSettings.DEFAULT, Optional.empty(),
                        new ClusterSettings(true, name, "127.0.0.1", port, members));
                servers.add(new TestServer(database, servers.isEmpty(), clock, config, Craftmark.start(config, clock)));
            }
            return servers;
        } catch (Exception | Error e) {
            servers.reversed().forEach(TestServer::stop);
            database.close();
            throw new IllegalStateException("test cluster did not start on " + backend + ": " + e.getMessage(), e);
        }
    }

    public Api api() {
        return api;
    }

    /** The server's database, for tests that check what is stored without going through the API. */
    public TestDatabase database() {
        return database;
    }

    /** What the server was started with: its database URL and credentials, its data directory. */
    public ServerConfig config() {
        return config;
    }

    public MutableClock clock() {
        return clock;
    }

    /** The running server; fails between {@link #stop()} and {@link #restart()}. */
    public Craftmark app() {
        Craftmark running = app;
        if (running == null) {
            throw new IllegalStateException("the test server is stopped; restart() it first");
        }
        return running;
    }

    public Backend backend() {
        return database.backend();
    }

    /**
     * Stops the server but keeps its database: its connections drop and the port refuses new ones
     * until {@link #restart()}.
     */
    public void stop() {
        Craftmark running = app;
        app = null;
        if (running != null) {
            running.close();
        }
    }

    /** Starts a new server over the same database, on the same port (stopping the running one first). */
    public void restart() {
        stop();
        app = Craftmark.start(config.withPort(port), clock);
    }

    @Override
    public void close() {
        try {
            stop();
        } finally {
            if (ownsDatabase) {
                database.close();
            }
        }
    }
}
