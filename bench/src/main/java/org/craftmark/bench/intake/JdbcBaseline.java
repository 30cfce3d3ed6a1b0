package org.craftmark.bench.intake;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the database alone does: rows of a mark's size inserted by plain JDBC, one commit per row,
 * from as many threads as the server has connections. The ceiling {@code intake_ratio} divides by.
 */
public final class JdbcBaseline {
    private JdbcBaseline() {
    }

    /** Rows per second over {@code seconds}, from {@code threads} connections. */
    public static double rowsPerSecond(BenchDatabase db, int threads, double seconds) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE baseline_marks (id BIGINT AUTO_INCREMENT PRIMARY KEY, judge_id BIGINT NOT NULL,"
                    + " client_mark_id VARCHAR(64) NOT NULL, entry_id BIGINT NOT NULL, criterion VARCHAR(16) NOT NULL,"
                    + " mark_value DECIMAL(9,2) NOT NULL, at BIGINT NOT NULL, UNIQUE KEY ux_client (judge_id, client_mark_id))");
        }
        LongAdder rows = new LongAdder();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            long started = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                int judge = t;
                workers.add(pool.submit(() -> insertUntil(db, judge, deadline, rows)));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            return rows.sum() / ((System.nanoTime() - started) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Void insertUntil(BenchDatabase db, int judge, long deadline, LongAdder rows) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO baseline_marks (judge_id, client_mark_id, entry_id, criterion, mark_value, at) VALUES (?, ?, ?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            for (long i = 0; System.nanoTime() < deadline; i++) {
                insert.setLong(1, judge);
                insert.setString(2, judge + "-" + i);
                insert.setLong(3, i % 40);
                insert.setString(4, "B1");
                insert.setBigDecimal(5, java.math.BigDecimal.valueOf(i % 3000, 2));
                insert.setLong(6, System.currentTimeMillis());
                insert.executeUpdate();
                c.commit();
                rows.increment();
            }
        }
        return null;
    }
}
