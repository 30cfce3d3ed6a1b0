package org.craftmark.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import org.craftmark.server.privacy.IdNumberVault;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.function.Function;

/**
 * The one database of a server: a bounded connection pool, the schema migrated by Flyway on start,
 * and jOOQ — the only way SQL is written. Every method blocks: call it from a worker or virtual
 * thread, never from an event loop.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource dataSource;
    private final DSLContext dsl;
    private final IdNumberVault vault;
    private final Stores stores;
    private final TransactionRetry retry = TransactionRetry.standard();

    private final DatabaseTimeouts timeouts;

    private Database(HikariDataSource dataSource, SQLDialect dialect, IdNumberVault vault, DatabaseTimeouts timeouts) {
        this.dataSource = dataSource;
        this.timeouts = timeouts;
        // Every statement jOOQ runs gets the query timeout: a stalled database frees the thread.
        this.dsl = DSL.using(dataSource, dialect, new Settings().withExecuteLogging(false).withQueryTimeout(timeouts.querySeconds()));
        this.vault = vault;
        this.stores = Stores.over(dsl, vault);
    }

    /** Opens the pool and migrates the schema to the newest version; ID numbers are sealed by {@code vault}. */
    public static Database open(String jdbcUrl, String user, String password, int poolSize, MeterRegistry registry,
                                IdNumberVault vault) {
        return open(jdbcUrl, user, password, poolSize, registry, vault, DatabaseTimeouts.DEFAULT);
    }

    /** {@link #open(String, String, String, int, MeterRegistry, IdNumberVault)} with the given timeouts. */
    public static Database open(String jdbcUrl, String user, String password, int poolSize, MeterRegistry registry,
                                IdNumberVault vault, DatabaseTimeouts timeouts) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("craftmark-db");
        // Fail fast at start-up with the driver's own message rather than hanging for 30 s.
        config.setInitializationFailTimeout(10_000);
        applyTimeouts(config, jdbcUrl, timeouts);
        if (registry != null) {
            config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
        }
        HikariDataSource dataSource = new HikariDataSource(config);
        SQLDialect dialect = dialectOf(jdbcUrl);
        try {
            migrate(dataSource, new V21__EncryptIdNumbers(vault, dialect));
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        LOG.info("database ready: dialect={} pool={}", dialect, poolSize);
        return new Database(dataSource, dialect, vault, timeouts);
    }

    /**
     * A connection is validated before it is handed out and kept alive while idle, so one the
     * network killed (the database restarted, a proxy reset it) is replaced rather than failing the
     * next request; the driver's connect and socket timeouts bound every wait on the wire.
     */
    private static void applyTimeouts(HikariConfig config, String jdbcUrl, DatabaseTimeouts timeouts) {
        config.setConnectionTimeout(timeouts.acquire().toMillis());
        config.setValidationTimeout(timeouts.validation().toMillis());
        config.setKeepaliveTime(Duration.ofSeconds(60).toMillis());
        if (jdbcUrl.startsWith("jdbc:mysql:") || jdbcUrl.startsWith("jdbc:mariadb:")) {
            config.addDataSourceProperty("connectTimeout", String.valueOf(timeouts.connect().toMillis()));
            config.addDataSourceProperty("socketTimeout", String.valueOf(timeouts.socket().toMillis()));
        }
    }

    static void migrate(DataSource dataSource, V21__EncryptIdNumbers encryptIdNumbers) {
        var result = flyway(dataSource)
                .javaMigrations(encryptIdNumbers)
                .load()
                .migrate();
        LOG.info("schema migrated: {} migration(s) applied, now at {}", result.migrationsExecuted, result.targetSchemaVersion);
    }

    private static FluentConfiguration flyway(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration");
    }

    /**
     * MySQL (and MariaDB, which is read through Connector/J with the MySQL dialect: the MARIADB
     * dialect breaks {@code INSERT … RETURNING} there) or H2 for the embedded file database.
     */
    static SQLDialect dialectOf(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:h2:") ? SQLDialect.H2 : SQLDialect.MYSQL;
    }

    /** The repositories outside any transaction: each statement commits on its own. */
    public Stores stores() {
        return stores;
    }

    /**
     * Runs {@code work} in one transaction: all of it commits, or none of it. A transaction that
     * loses a lock race (deadlock, lock wait timeout) is rolled back and run again, a few times at
     * most ({@link TransactionRetry}): {@code work} must touch nothing but the database, and is never
     * called inside another transaction (the retry would re-run only the inner part of it).
     */
    public <T> T transaction(Function<Stores, T> work) {
        return retry.run(() -> dsl.transactionResult(configuration -> work.apply(Stores.over(configuration.dsl(), vault))));
    }

    /**
     * True when {@code failure} is the database's, and trying again later may well succeed: it
     * could not be reached, or a transaction still lost a lock race after its retries (answer 503).
     */
    public static boolean isUnavailable(Throwable failure) {
        return isConnectionFailure(failure) || isTimeout(failure) || TransactionRetry.isLockConflict(failure);
    }

    /**
     * True when a statement ran out of its query timeout ({@link DatabaseTimeouts#query()}): the
     * driver's {@link SQLTimeoutException}, MariaDB's "query execution was interrupted" (70100) or
     * H2's cancelled statement (57014). The database is slow, not wrong: answer 503.
     */
    public static boolean isTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTimeoutException
                    || t instanceof SQLException sql && ("70100".equals(sql.getSQLState()) || "57014".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs {@code work} in one REPEATABLE READ transaction, rolled back at the end: every read sees
     * the same snapshot of the database (InnoDB's consistent read, H2's MVCC), however long it
     * takes and whatever commits meanwhile. For backups.
     */
    public <T> T snapshot(Function<Stores, T> work) {
        return dsl.connectionResult(connection -> {
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setAutoCommit(false);
            try {
                return work.apply(Stores.over(DSL.using(connection, dsl.dialect(), dsl.settings()), vault));
            } finally {
                connection.rollback();
            }
        });
    }

    /** The schema's Flyway version, e.g. {@code 17}. */
    public String schemaVersion() {
        var current = flyway(dataSource).load().info().current();
        return current == null ? "0" : current.getVersion().getVersion();
    }

    /** True when {@code failure} says the database cannot be reached (answer 503, not 500). */
    public static boolean isConnectionFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException
                    || t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    /** True when a connection can be had and answers. */
    public boolean isUp() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(Math.max(1, (int) timeouts.validation().toSeconds()));
        } catch (SQLException e) {
            LOG.warn("database health check failed: {}", e.getMessage());
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
