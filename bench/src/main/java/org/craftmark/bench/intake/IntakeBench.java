package org.craftmark.bench.intake;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.HdrHistogram.Histogram;
import org.craftmark.server.Craftmark;
import org.craftmark.server.config.ServerConfig;

import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Mark intake measured from outside, as tablets' load arrives: {@code /ws/judge} at saturation (a
 * window of marks in flight per connection) and at an offered steady rate, {@code marks:batch}, a
 * mass resync, and plain JDBC on the same MariaDB in the same run. See bench/README.md.
 */
public final class IntakeBench {
    private static final String ADMIN_PASSWORD = "bench-admin-1";
    private static final int MAX_STEADY_IN_FLIGHT = 32;

    private final Settings settings;
    private final Map<String, String> figures = new LinkedHashMap<>();

    /** The sizes of one run; {@link #quick()} is what {@code run.sh --quick} uses. */
    public record Settings(int connections, int inFlight, double steadyRate, double seconds, int resyncClients,
                           int resyncMarks, int jdbcThreads) {
        static Settings full() {
            return new Settings(200, 8, 1500, 60, 500, 200, 20);
        }

        static Settings quick() {
            return new Settings(200, 8, 1500, 20, 100, 200, 20);
        }
    }

    IntakeBench(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        String server = option(args, "--db-server", "jdbc:mysql://127.0.0.1:3306/");
        Settings settings = List.of(args).contains("--quick") ? Settings.quick() : Settings.full();
        Map<String, String> figures;
        try {
            figures = new IntakeBench(settings).run(server, option(args, "--db-user", "root"), option(args, "--db-password", ""));
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
            return;
        }
        StringBuilder line = new StringBuilder("INTAKE");
        figures.forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
        System.out.println(line);
        System.exit(0);
    }

    Map<String, String> run(String dbServer, String user, String password) throws Exception {
        try (BenchDatabase baselineDb = BenchDatabase.create(dbServer, user, password, "bench_jdbc")) {
            double jdbc = JdbcBaseline.rowsPerSecond(baselineDb, settings.jdbcThreads(), Math.min(settings.seconds(), 15));
            put("jdbc_rows_s", jdbc);
        }
        try (BenchDatabase db = BenchDatabase.create(dbServer, user, password, "bench_intake")) {
            ServerConfig config = new ServerConfig(0, Files.createTempDirectory("craftmark-bench-"), Optional.of(db.url()),
                    user, password, Optional.of(ADMIN_PASSWORD), null);
            try (Craftmark server = Craftmark.start(config, Clock.systemUTC())) {
                measure(server, db);
            }
        }
        return figures;
    }

    private void measure(Craftmark server, BenchDatabase db) throws Exception {
        long started = System.nanoTime();
        IntakeFixture fixture = IntakeFixture.create(server, settings.connections() / 5, 5, 10);
        log("fixture: %d seats in %.1f s", fixture.seats().size(), (System.nanoTime() - started) / 1e9);
        Vertx vertx = Vertx.vertx();
        try {
            List<JudgeTablet> tablets = connect(vertx, server, fixture);
            saturate(tablets, 5, "warm-up");
            double marksPerSecond = saturate(tablets, settings.seconds(), "saturation");
            put("intake_marks_s", marksPerSecond);
            put("intake_ratio", marksPerSecond / Double.parseDouble(figures.get("jdbc_rows_s")));
            steady(vertx, tablets);
            Future.all(tablets.stream().map(JudgeTablet::close).toList()).await();
        } finally {
            vertx.close().await();
        }
        BatchLoad batches = new BatchLoad(server, fixture, db);
        put("batch_marks_s", batches.marksPerSecond(8, 500, Math.min(settings.seconds(), 20)));
        BatchLoad.Resync resync = batches.resync(settings.resyncClients(), settings.resyncMarks());
        put("resync_s", resync.seconds());
        figures.put("resync_marks", Integer.toString(settings.resyncClients() * settings.resyncMarks()));
        figures.put("resync_duplicates", Long.toString(resync.duplicates()));
    }

    private static List<JudgeTablet> connect(Vertx vertx, Craftmark server, IntakeFixture fixture) {
        List<Future<JudgeTablet>> opening = new ArrayList<>();
        for (IntakeFixture.Seat seat : fixture.seats()) {
            String ticket = server.services().auth().issueTicket(seat.judge());
            opening.add(JudgeTablet.connect(vertx, server.port(), seat, ticket));
        }
        Future.all(opening).await();
        return opening.stream().map(Future::result).toList();
    }

    /** Every tablet keeps {@code inFlight} marks unanswered; accepted marks per second. */
    private double saturate(List<JudgeTablet> tablets, double seconds, String phase) throws InterruptedException {
        JudgeTablet.Tally tally = JudgeTablet.Tally.create();
        AtomicBoolean running = new AtomicBoolean(true);
        for (JudgeTablet tablet : tablets) {
            tablet.countInto(tally, () -> {
                if (running.get()) {
                    tablet.send(System.nanoTime());
                }
            });
            for (int i = 0; i < settings.inFlight(); i++) {
                tablet.send(System.nanoTime());
            }
        }
        tally.latencyMicros().reset();
        long start = System.nanoTime();
        long acceptedBefore = tally.accepted().sum();
        Thread.sleep((long) (seconds * 1000));
        double rate = (tally.accepted().sum() - acceptedBefore) / ((System.nanoTime() - start) / 1e9);
        running.set(false);
        report(phase, rate, tally);
        drain(tablets);
        return rate;
    }

    /** The offered steady rate spread evenly over the tablets; ack p99 from the intended send time. */
    private void steady(Vertx vertx, List<JudgeTablet> tablets) throws InterruptedException {
        JudgeTablet.Tally tally = JudgeTablet.Tally.create();
        long periodNanos = (long) (1e9 * tablets.size() / settings.steadyRate());
        long start = System.nanoTime();
        List<Long> timers = new ArrayList<>();
        java.util.concurrent.atomic.LongAdder notOffered = new java.util.concurrent.atomic.LongAdder();
        for (int i = 0; i < tablets.size(); i++) {
            JudgeTablet tablet = tablets.get(i);
            tablet.countInto(tally, () -> { });
            long offset = periodNanos * i / tablets.size();
            long[] next = {start + offset};
            timers.add(vertx.setPeriodic(1 + offset / 1_000_000, 1, id -> {
                while (System.nanoTime() >= next[0]) {
                    // A tablet with a full window stops offering (a real one queues in its outbox):
                    // those marks are counted as not offered, so an overloaded server cannot hide.
                    if (tablet.inFlight() < MAX_STEADY_IN_FLIGHT) {
                        tablet.send(next[0]);
                    } else {
                        notOffered.increment();
                    }
                    next[0] += periodNanos;
                }
            }));
        }
        Thread.sleep((long) (settings.seconds() * 1000));
        timers.forEach(vertx::cancelTimer);
        double rate = tally.accepted().sum() / ((System.nanoTime() - start) / 1e9);
        Histogram latency = report("steady " + (int) settings.steadyRate() + "/s", rate, tally);
        put("steady_marks_s", rate);
        put("ack_p99_ms", latency.getValueAtPercentile(99) / 1000.0);
        put("ack_p50_ms", latency.getValueAtPercentile(50) / 1000.0);
        figures.put("steady_not_offered", Long.toString(notOffered.sum()));
        drain(tablets);
    }

    private static void drain(List<JudgeTablet> tablets) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (tablets.stream().anyMatch(t -> t.inFlight() > 0) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    private static Histogram report(String phase, double rate, JudgeTablet.Tally tally) {
        Histogram h = tally.latencyMicros().getIntervalHistogram();
        log("%-16s %8.1f accepted marks/s  ack p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms  not accepted %d%s", phase, rate,
                h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0,
                tally.other().sum(), tally.firstRefusal().get() == null ? "" : " first: " + tally.firstRefusal().get());
        return h;
    }

    private void put(String key, double value) {
        figures.put(key, String.format(java.util.Locale.ROOT, "%.2f", value));
        log("%s = %s", key, figures.get(key));
    }

    static void log(String format, Object... args) {
        System.out.printf(java.util.Locale.ROOT, "[intake] " + format + "%n", args);
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
