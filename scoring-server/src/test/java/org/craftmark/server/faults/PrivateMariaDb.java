package org.craftmark.server.faults;

import org.craftmark.server.testing.Backend;
import org.craftmark.server.testing.TestDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A MariaDB server of the test's own (its own data directory, port and process), so the test may
 * stop it, kill it with SIGKILL and start it again on the same port and data directory: what the
 * shared server other tests run on must never go through. Closing it kills it and deletes everything.
 * Its output goes to {@code mariadb.log} beside the data directory, quoted when it does not come up.
 */
final class PrivateMariaDb implements AutoCloseable {
    private static final Path INSTALL_DB = Path.of("/usr/bin/mariadb-install-db");
    private static final Path SERVER = Path.of("/usr/sbin/mariadbd");
    /** Generous: InnoDB's crash recovery after a kill -9 on a loaded 2-core machine. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(2);
    private static final String SCHEMA = "craftmark";
    /** Small and quick to create: a test writes a few hundred rows, not a venue's season. */
    private static final List<String> SMALL = List.of("--innodb-buffer-pool-size=64M", "--innodb-log-file-size=16M",
            "--skip-log-bin", "--skip-name-resolve");

    private final Path home;
    private final Path log;
    private final int port;
    private Process process;

    private PrivateMariaDb(Path home, int port) {
        this.home = home;
        this.log = home.resolve("mariadb.log");
        this.port = port;
    }

    /** A new data directory (root without a password), the server started on it and an empty schema. */
    static PrivateMariaDb install() {
        requireBinaries();
        PrivateMariaDb db = new PrivateMariaDb(tempDirectory(), portOutsideEphemeralRange());
        try {
            db.installDataDirectory();
            db.start();
            db.execute("CREATE DATABASE " + SCHEMA + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
            return db;
        } catch (RuntimeException | Error e) {
            db.close();
            throw e;
        }
    }

    /**
     * Skips the test on a machine without the MariaDB server package (CI has it), as database tests
     * skip without a database; fails instead where {@code CRAFTMARK_REQUIRE_MYSQL=1} (the soak) says
     * a skipped database test is not good enough.
     */
    private static void requireBinaries() {
        boolean present = Files.isExecutable(INSTALL_DB) && Files.isExecutable(SERVER);
        String why = "needs " + INSTALL_DB + " and " + SERVER + " (the MariaDB server package) to run a MariaDB of its own";
        if (!present && "1".equals(System.getenv("CRAFTMARK_REQUIRE_MYSQL"))) {
            throw new IllegalStateException(why + "; CRAFTMARK_REQUIRE_MYSQL=1 makes this a failure");
        }
        assumeTrue(present, why);
    }

    /** The schema, as a server's database; closing it leaves the MariaDB to {@link #close()}. */
    TestDatabase database() {
        return new TestDatabase(Backend.MYSQL, "jdbc:mysql://127.0.0.1:" + port + "/" + SCHEMA, "root", "", null, () -> {
        });
    }

    /** Starts the server on the same port and data directory and waits until it takes connections. */
    void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("MariaDB is already running on port " + port);
        }
        List<String> command = new ArrayList<>(List.of(SERVER.toString(), "--no-defaults", "--datadir=" + dataDir(),
                "--port=" + port, "--bind-address=127.0.0.1", "--socket=" + home.resolve("sock"),
                "--pid-file=" + home.resolve("pid"), "--user=root"));
        command.addAll(SMALL);
        process = launch(command);
        Poll.until(START_TIMEOUT, () -> "MariaDB did not take connections on port " + port + "; its log:\n" + logText(),
                () -> acceptsConnections(process));
    }

    /** A clean shutdown (SIGTERM), waited for: what a service restart does. */
    void stop() {
        process.destroy();
        awaitExit();
    }

    /** SIGKILL, waited for: no shutdown, InnoDB recovers from its redo log on the next start. */
    void kill9() {
        process.destroyForcibly();
        awaitExit();
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroyForcibly();
            awaitExit();
        }
        deleteTree(home);
    }

    private void installDataDirectory() {
        List<String> command = new ArrayList<>(List.of(INSTALL_DB.toString(), "--no-defaults", "--datadir=" + dataDir(),
                "--user=root", "--auth-root-authentication-method=normal", "--skip-test-db"));
        command.addAll(SMALL);
        Process install = launch(command);
        try {
            if (!install.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || install.exitValue() != 0) {
                install.destroyForcibly();
                throw new AssertionError("mariadb-install-db did not create " + dataDir() + "; its log:\n" + logText());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while installing MariaDB", e);
        }
    }

    private Process launch(List<String> command) {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.getFirst(), e);
        }
    }

    /** False while it is coming up; a process that died fails at once, with its log. */
    private boolean acceptsConnections(Process server) {
        if (!server.isAlive()) {
            throw new AssertionError("MariaDB exited with " + server.exitValue() + " on port " + port + "; its log:\n" + logText());
        }
        try (Connection c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port + "/?connectTimeout=2000&socketTimeout=5000", "root", "")) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("MariaDB did not exit within " + STOP_TIMEOUT + "; its log:\n" + logText());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for MariaDB to exit", e);
        }
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port + "/", "root", "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on the private MariaDB: " + e.getMessage(), e);
        }
    }

    private Path dataDir() {
        return home.resolve("data");
    }

    private String logText() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /**
     * A free port below Linux's ephemeral range (32768 and up). While the database is down the pool
     * keeps connecting to its port; were that port ephemeral, one such connect could be given it as
     * its own source port and connect to itself, holding the port so the restart could not bind it.
     */
    private static int portOutsideEphemeralRange() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(20_000, 32_000);
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // Try another.
            }
        }
        throw new IllegalStateException("no free port between 20000 and 32000");
    }

    /** Short, so the socket path stays under the 108 bytes a Unix socket name may have. */
    private static Path tempDirectory() {
        try {
            return Files.createTempDirectory("craftmark-mariadb-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for the private MariaDB", e);
        }
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temp directory is harmless.
        }
    }
}
