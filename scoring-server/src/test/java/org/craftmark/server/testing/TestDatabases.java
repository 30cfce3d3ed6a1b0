package org.craftmark.server.testing;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.mysql.MySQLContainer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assumptions.abort;

/**
 * Finds a database for a test and gives it a schema of its own.
 * <ol>
 *   <li>{@code CRAFTMARK_TEST_JDBC_URL} (with {@code CRAFTMARK_TEST_JDBC_USER}/{@code _PASSWORD},
 *       default root and no password): a server the test creates a fresh {@code t_…} database on;</li>
 *   <li>else Testcontainers' MySQL container when Docker answers;</li>
 *   <li>else MySQL tests are skipped with a message, or fail when {@code CRAFTMARK_REQUIRE_MYSQL=1}.</li>
 * </ol>
 */
public final class TestDatabases {
    private static final Pattern MYSQL_URL = Pattern.compile("^(jdbc:mysql://[^/?]+)(/[^?]*)?(\\?.*)?$");
    private static volatile MySQLContainer container;

    private TestDatabases() {
    }

    /** A database of its own for one test class; drop it with {@link TestDatabase#close()}. */
    public static TestDatabase fresh(Backend backend) {
        return switch (backend) {
            case MYSQL -> freshMysql();
            case H2 -> freshH2();
        };
    }

    private static TestDatabase freshH2() {
        try {
            Path dir = Files.createTempDirectory("craftmark-h2-");
            return new TestDatabase(Backend.H2, null, "", "", dir, () -> deleteTree(dir));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create a temp directory for H2", e);
        }
    }

    private static TestDatabase freshMysql() {
        Server server = mysqlServer();
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        execute(server, "CREATE DATABASE " + schema + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        String url = withDatabase(server.url(), schema);
        return new TestDatabase(Backend.MYSQL, url, server.user(), server.password(), null,
                () -> execute(server, "DROP DATABASE IF EXISTS " + schema));
    }

    private record Server(String url, String user, String password) {
    }

    private static Server mysqlServer() {
        String url = System.getenv("CRAFTMARK_TEST_JDBC_URL");
        if (url != null && !url.isBlank()) {
            return new Server(url, envOr("CRAFTMARK_TEST_JDBC_USER", "root"), envOr("CRAFTMARK_TEST_JDBC_PASSWORD", ""));
        }
        if (dockerAnswers()) {
            MySQLContainer mysql = startedContainer();
            return new Server(mysql.getJdbcUrl(), "root", mysql.getPassword());
        }
        String why = "No MySQL for database tests: set CRAFTMARK_TEST_JDBC_URL (e.g. jdbc:mysql://127.0.0.1:3306/) or run Docker.";
        if ("1".equals(System.getenv("CRAFTMARK_REQUIRE_MYSQL"))) {
            throw new IllegalStateException(why + " CRAFTMARK_REQUIRE_MYSQL=1 makes this a failure.");
        }
        // Skips (not fails) this MySQL run: a developer without MySQL still runs everything on H2.
        return abort(why + " Running on H2 only.");
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static synchronized MySQLContainer startedContainer() {
        if (container == null) {
            MySQLContainer mysql = new MySQLContainer("mysql:8.4");
            mysql.start();
            container = mysql;
        }
        return container;
    }

    /** The server URL with its database path replaced by {@code schema}, parameters kept. */
    static String withDatabase(String serverUrl, String schema) {
        Matcher m = MYSQL_URL.matcher(serverUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a jdbc:mysql:// URL: " + serverUrl);
        }
        String params = m.group(3) == null ? "" : m.group(3);
        return m.group(1) + "/" + schema + params;
    }

    private static void execute(Server server, String sql) {
        try (Connection c = DriverManager.getConnection(server.url(), server.user(), server.password());
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on the test MySQL server: " + e.getMessage(), e);
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            // A leftover temp directory is harmless.
        }
    }
}
