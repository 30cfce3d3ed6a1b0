package org.craftmark.server.testing;

import org.craftmark.server.Craftmark;
import org.craftmark.server.config.ServerConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** A real Craftmark server on a free port, over a database of its own, with a clock the test moves. */
public final class TestServer implements AutoCloseable {
    public static final String ADMIN_PASSWORD = "admin-secret-1";
    public static final String START = "2026-11-21T09:00:00Z";

    private final TestDatabase database;
    private final MutableClock clock;
    private final Craftmark app;
    private final Api api;

    private TestServer(TestDatabase database, MutableClock clock, Craftmark app) {
        this.database = database;
        this.clock = clock;
        this.app = app;
        this.api = new Api("http://127.0.0.1:" + app.port());
    }

    public static TestServer start(Backend backend) {
        TestDatabase database = TestDatabases.fresh(backend);
        MutableClock clock = MutableClock.at(START);
        try {
            Path dataDir = database.dataDir() != null ? database.dataDir() : Files.createTempDirectory("craftmark-data-");
            ServerConfig config = new ServerConfig(0, dataDir, database.jdbcUrl(), database.user(), database.password(),
                    Optional.of(ADMIN_PASSWORD), null);
            return new TestServer(database, clock, Craftmark.start(config, clock));
        } catch (Exception | Error e) {
            database.close();
            throw new IllegalStateException("test server did not start on " + backend + ": " + e.getMessage(), e);
        }
    }

    public Api api() {
        return api;
    }

    public MutableClock clock() {
        return clock;
    }

    public Craftmark app() {
        return app;
    }

    public Backend backend() {
        return database.backend();
    }

    @Override
    public void close() {
        try {
            app.close();
        } finally {
            database.close();
        }
    }
}
