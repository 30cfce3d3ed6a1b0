package org.craftmark.server.faults;

import org.craftmark.server.testing.TestDatabase;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Reads the test's MariaDB/MySQL database over a connection of the test's own, not through the server under test. */
final class StraightFromTheDatabase {
    private StraightFromTheDatabase() {
    }

    interface Query<T> {
        T run(DSLContext dsl);
    }

    static <T> T read(TestDatabase db, Query<T> query) {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl().orElseThrow(), db.user(), db.password())) {
            return query.run(DSL.using(c, SQLDialect.MYSQL));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the test database: " + e.getMessage(), e);
        }
    }
}
