package org.craftmark.server.fuzz;

import org.craftmark.server.store.schema.DefaultSchema;
import org.craftmark.server.store.schema.Tables;
import org.craftmark.server.testing.TestDatabase;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A SHA-256 of every row of every table, table by table, to show that refused requests stored
 * nothing. Left out: sign-in tokens and WebSocket tickets, which the fuzzer itself asks for to
 * reach the routes behind them.
 */
final class TableChecksum {
    private static final Set<Table<?>> SESSIONS = Set.of(Tables.AUTH_TOKENS, Tables.WS_TICKETS);

    private TableChecksum() {
    }

    static Map<String, String> of(TestDatabase database) {
        Map<String, String> sums = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password())) {
            var sql = DSL.using(connection, SQLDialect.MYSQL);
            for (Table<?> table : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
                if (!SESSIONS.contains(table)) {
                    String rows = sql.selectFrom(table).orderBy(table.fields()).fetch().formatCSV();
                    sums.put(table.getName(), sha256(rows));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the tables: " + e.getMessage(), e);
        }
        return sums;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
