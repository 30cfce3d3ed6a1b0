package org.craftmark.server.faults;

import org.craftmark.server.testing.TestDatabase;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.table;

/**
 * The open InnoDB transactions of the server's connections to one test database, as MariaDB itself
 * reports them ({@code information_schema.INNODB_TRX}, by the connection's default schema in
 * {@code PROCESSLIST}): a test can see a transaction writing and kill the server while it is open,
 * without guessing its timing. Watches over one connection of its own.
 */
final class OpenTransactions implements AutoCloseable {
    /**
     * MariaDB refreshes what INNODB_TRX shows only when nobody read it for 0.1 s (InnoDB's
     * trx_i_s cache): looking more often would see the same stale rows for ever.
     */
    private static final Duration LOOK_EVERY = Duration.ofMillis(150);
    private static final int MAX_FAILED_LOOKS = 20;
    private final Connection connection;
    private final DSLContext dsl;
    private final String schema;
    private int failedLooksInARow;

    private OpenTransactions(Connection connection, String schema) {
        this.connection = connection;
        this.dsl = DSL.using(connection, SQLDialect.MYSQL);
        this.schema = schema;
    }

    static OpenTransactions of(TestDatabase db) {
        try {
            return new OpenTransactions(DriverManager.getConnection(db.jdbcUrl().orElseThrow(), db.user(), db.password()), schema(db));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot watch the test database: " + e.getMessage(), e);
        }
    }

    /**
     * Looks until an open transaction has written more than {@code rows} rows, or {@code over} holds
     * (the watched work ended first); fails after {@code bound}. Answers the rows the last look saw.
     */
    long awaitWriting(long rows, BooleanSupplier over, Duration bound) {
        long[] seen = {0};
        every(bound, "a transaction writing " + rows + " rows", () -> (seen[0] = look(this::mostRowsWritten)) > rows || over.getAsBoolean());
        return seen[0];
    }

    /** Looks until no transaction of the database is open (e.g. MariaDB rolled back a dead server's); fails after {@code bound}. */
    void awaitNoneOpen(Duration bound) {
        every(bound, "no transaction open", () -> look(this::openTransactions) == 0);
    }

    private void every(Duration bound, String what, BooleanSupplier done) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + bound + ": " + what);
            }
            LockSupport.parkNanos(LOOK_EVERY.toNanos());
        }
    }

    /** What the query answers, or -1 for a look that failed. */
    private long look(LongSupplier query) {
        try {
            long answer = query.getAsLong();
            failedLooksInARow = 0;
            return answer;
        } catch (DataAccessException e) {
            // MariaDB now and then fails to drop the temporary table behind an information_schema join
            // (seen on the shared server); one failed look says nothing of the transactions watched.
            if (++failedLooksInARow == MAX_FAILED_LOOKS) {
                throw e;
            }
            return -1;
        }
    }

    /** The most rows any open transaction on the database has written so far (0 when none is open). */
    private long mostRowsWritten() {
        Long most = dsl.select(max(field("t.trx_rows_modified", Long.class))).from(ofTheDatabase()).fetchSingle().value1();
        return most == null ? 0 : most;
    }

    private long openTransactions() {
        return dsl.selectCount().from(ofTheDatabase()).fetchSingle().value1();
    }

    /** The open transactions of the database's other connections (not this watcher's). */
    private Table<?> ofTheDatabase() {
        return table("information_schema.INNODB_TRX").as("t")
                .join(table("information_schema.PROCESSLIST").as("p")).on(field("p.ID").eq(field("t.trx_mysql_thread_id")))
                .and(field("p.DB").eq(schema)).and(field("p.ID").ne(field("CONNECTION_ID()")));
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // Only the watching connection; the database is the test's and is dropped after it.
        }
    }

    private static String schema(TestDatabase db) {
        String url = db.jdbcUrl().orElseThrow(() -> new IllegalStateException("INNODB_TRX needs MariaDB/MySQL"));
        String path = url.substring(url.indexOf("//") + 2);
        path = path.substring(path.indexOf('/') + 1);
        int params = path.indexOf('?');
        return params < 0 ? path : path.substring(0, params);
    }
}
