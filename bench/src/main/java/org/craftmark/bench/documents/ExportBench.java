package org.craftmark.bench.documents;

import org.craftmark.bench.intake.BenchDatabase;
import org.craftmark.server.Craftmark;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.config.ServerConfig;
import org.craftmark.server.privacy.IdNumberVault;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.craftmark.bench.documents.CertificatesBench.log;
import static org.craftmark.bench.documents.CertificatesBench.put;
import static org.craftmark.bench.documents.CertificatesBench.seconds;

/**
 * The HR winner list of 100,000 rows, {@code GET /api/v1/winners?format=csv|xlsx}, downloaded whole
 * over loopback HTTP from the product's {@code serve} in a JVM of its own started with
 * {@code -Xmx256m}; its heap in use is read from its {@code /metrics} while the lists stream.
 * The rows: a contest finalized through the services (every entry certified), grown by
 * {@link WinnerSeed}. Each format is pulled twice (a fresh server's first pull, then the figure);
 * {@link BareExport} writes the same lists in the same run.
 * Usage: {@code ExportBench [--rows N] [--server-heap -Xmx256m] [--server-jfr file.jfr] [--keep-db]
 * [--db-server … --db-user … --db-password …]} ({@code --keep-db} leaves the database for a look afterwards);
 * prints one {@code EXPORTS csv100k_s=…} line.
 */
public final class ExportBench {
    static final int ROWS = 100_000;
    static final String SERVER_HEAP = "-Xmx256m";
    private static final String ADMIN_PASSWORD = "bench-admin-1";
    /** Few events finalized through the services (their set-up is slow); the seed fills them to 5,000 rows each. */
    private static final int FIXTURE_EVENTS = 20;
    private static final int FIXTURE_PER_EVENT = 5;

    private final Map<String, String> figures = new LinkedHashMap<>();

    private ExportBench() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.of(args);
        try {
            Map<String, String> figures = new ExportBench().run(options, Integer.parseInt(options.get("--rows", String.valueOf(ROWS))));
            StringBuilder line = new StringBuilder("EXPORTS");
            figures.forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
            System.out.println(line);
            System.exit(0);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private Map<String, String> run(Options options, int rows) throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String idKey = Base64.getEncoder().encodeToString(key);
        Path work = Files.createTempDirectory("craftmark-exports-");
        BenchDatabase db = BenchDatabase.create(options.dbServer(), options.dbUser(), options.dbPassword(), "bench_exports");
        try {
            long started = System.nanoTime();
            CertificateFixture fixture = finalizedFixture(db, options, idKey, work);
            log("finalized %d entries through the services in %.1f s", fixture.entries(), seconds(started));
            int added = WinnerSeed.grow(db, new IdNumberVault(key), fixture, rows);
            log("set-up: %d winner rows (%d finalized, %d seeded) in %.1f s", fixture.entries() + added, fixture.entries(), added,
                    seconds(started));
            List<String> jvm = new ArrayList<>(List.of(options.get("--server-heap", SERVER_HEAP), "-Xlog:gc:file=" + work.resolve("gc.log")));
            String jfr = options.get("--server-jfr", "");
            if (!jfr.isEmpty()) {
                jvm.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile");
            }
            List<String> serve = new ArrayList<>(List.of("--db", db.url(), "--db-user", options.dbUser(), "--id-key", idKey,
                    "--admin-password", ADMIN_PASSWORD));
            if (!options.dbPassword().isEmpty()) {
                serve.addAll(List.of("--db-password", options.dbPassword()));
            }
            try (ServerProcess server = ServerProcess.start(jvm, serve, work)) {
                measure(server, new BareExport(db, new IdNumberVault(key)), work, rows);
            }
            put(figures, "export_gc_after_mib", GcLog.highestAfterGcMiB(work.resolve("gc.log")));
        } finally {
            CertificatesBench.deleteTree(work);
            if (options.has("--keep-db")) {
                log("kept database %s", db.name());
            } else {
                db.close();
            }
        }
        return figures;
    }

    /** A district contest finalized through the services of an in-process server on the same database and key. */
    private static CertificateFixture finalizedFixture(BenchDatabase db, Options options, String idKey, Path work) {
        ServerConfig config = new ServerConfig(0, work, Optional.of(db.url()), options.dbUser(), options.dbPassword(),
                Optional.of(ADMIN_PASSWORD), null, ServerConfig.CertificateSettings.DEFAULT, Optional.of(idKey));
        try (Craftmark server = Craftmark.start(config, Clock.systemUTC())) {
            CertificateFixture fixture = CertificateFixture.published(server.services(), FIXTURE_EVENTS, FIXTURE_PER_EVENT);
            SignedInUser admin = server.services().users().find("admin").orElseThrow();
            server.services().finalization().finalizeContest(admin, fixture.contestId());
            return fixture;
        }
    }

    private void measure(ServerProcess server, BareExport bare, Path work, int rows) throws Exception {
        BenchHttp http = BenchHttp.signIn(server.port(), "admin", ADMIN_PASSWORD);
        try (HeapSampler heap = new HeapSampler(server)) {
            double heapPeak = 0;
            for (String format : List.of("csv", "xlsx")) {
                Path file = work.resolve("winners." + format);
                heap.reset();
                double cold = pull(http, server, format, file);
                put(figures, format + "_cold_s", cold);
                double warm = pull(http, server, format, file);
                double peak = heap.peakMiB();
                heapPeak = Math.max(heapPeak, peak);
                long got = format.equals("csv") ? DownloadCheck.csvRows(file) : DownloadCheck.xlsxRows(file);
                if (got != rows) {
                    throw new IllegalStateException(format + " list has " + got + " rows, expected " + rows);
                }
                put(figures, format + "100k_s", warm);
                put(figures, format + "_heap_mib", peak);
                bareExport(bare, format, work, rows);
                double bareSeconds = bareExport(bare, format, work, rows);
                put(figures, format + "_bare_s", bareSeconds);
                put(figures, format + "_ratio", bareSeconds / warm);
                figures.put(format + "_mib", String.format(java.util.Locale.ROOT, "%.1f", Files.size(file) / 1024.0 / 1024.0));
            }
            put(figures, "export_heap_mib", heapPeak);
        }
        if (!server.alive()) {
            throw new IllegalStateException("the server died during the exports:\n" + server.logTail());
        }
    }

    /** The bare export's seconds; run twice by the caller, like the product's pulls, so both are compared warm. */
    private static double bareExport(BareExport bare, String format, Path work, int rows) throws Exception {
        long started = System.nanoTime();
        Path file = work.resolve("bare." + format);
        long written = format.equals("csv") ? bare.csv(file) : bare.xlsx(file);
        double took = seconds(started);
        if (written != rows) {
            throw new IllegalStateException("the bare " + format + " export wrote " + written + " rows, expected " + rows);
        }
        return took;
    }

    private static double pull(BenchHttp http, ServerProcess server, String format, Path file) throws Exception {
        long started = System.nanoTime();
        try {
            http.download("/api/v1/winners?format=" + format, file);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the " + format + " pull failed (server " + (server.alive() ? "up" : "gone") + "):\n"
                    + server.logTail(), e);
        }
        return seconds(started);
    }
}
