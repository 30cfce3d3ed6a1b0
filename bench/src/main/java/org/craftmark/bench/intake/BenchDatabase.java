package org.craftmark.bench.intake;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A database of its own on the MariaDB server given (e.g. {@code jdbc:mysql://127.0.0.1:3306/}),
 * created for one measurement and dropped afterwards, so runs never see each other's rows.
 */
public record BenchDatabase(String serverUrl, String user, String password, String name) implements AutoCloseable {

    public static BenchDatabase create(String serverUrl, String user, String password, String prefix) throws SQLException {
        String name = prefix + "_" + ProcessHandle.current().pid() + "_" + Long.toString(System.nanoTime() % 1_000_000, 36);
        BenchDatabase db = new BenchDatabase(serverUrl, user, password, name);
        db.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
        return db;
    }

    /** The JDBC URL of this database. */
    public String url() {
        String base = serverUrl.endsWith("/") ? serverUrl : serverUrl + "/";
        return base + name;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user, password);
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(serverUrl, user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        execute("DROP DATABASE IF EXISTS " + name);
    }
}
