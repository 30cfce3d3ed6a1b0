package org.craftmark.server.audit;

import org.craftmark.server.Craftmark;
import org.craftmark.server.config.ServerConfig;
import org.craftmark.server.testing.Api;
import org.craftmark.server.testing.Backend;
import org.craftmark.server.testing.MutableClock;
import org.craftmark.server.testing.TestDatabase;
import org.craftmark.server.testing.TestDatabases;
import org.craftmark.server.testing.TestServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;

/**
 * A Craftmark server like {@link TestServer} whose database the test can also reach with plain JDBC,
 * to change the audit log behind the server's back the way someone with database access could.
 */
final class TamperableServer implements AutoCloseable {
    private final TestDatabase database;
    private final ServerConfig config;
    private final Craftmark app;
    private final Api api;

    private TamperableServer(TestDatabase database, ServerConfig config, Craftmark app) {
        this.database = database;
        this.config = config;
        this.app = app;
        this.api = new Api("http://127.0.0.1:" + app.port());
    }

    static TamperableServer start(Backend backend) {
        TestDatabase database = TestDatabases.fresh(backend);
        try {
            Path dataDir = database.dataDir() != null ? database.dataDir() : Files.createTempDirectory("craftmark-data-");
            ServerConfig config = new ServerConfig(0, dataDir, database.jdbcUrl(), database.user(), database.password(),
                    Optional.of(TestServer.ADMIN_PASSWORD), null);
            return new TamperableServer(database, config, Craftmark.start(config, MutableClock.at(TestServer.START)));
        } catch (Exception | Error e) {
            database.close();
            throw new IllegalStateException("test server did not start on " + backend + ": " + e.getMessage(), e);
        }
    }

    Craftmark app() {
        return app;
    }

    Api api() {
        return api;
    }

    /**
     * Runs one changing statement on a connection of its own, outside the server's pool. (An embedded
     * H2 database takes further connections from the same JVM, so this works on both backends.)
     */
    int sql(String statement, Object... params) {
        try (Connection connection = DriverManager.getConnection(config.jdbcUrl(), config.dbUser(), config.dbPassword());
             PreparedStatement prepared = connection.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                prepared.setObject(i + 1, params[i]);
            }
            return prepared.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("'" + statement + "' failed: " + e.getMessage(), e);
        }
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
