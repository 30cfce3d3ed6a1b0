package org.craftmark.bench.documents;

import io.vertx.core.json.JsonObject;
import org.craftmark.bench.intake.BenchDatabase;
import org.craftmark.server.Craftmark;
import org.craftmark.server.config.ServerConfig;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Certificates as the organizer gets them: {@code POST /contests/{id}/finalize} of a contest whose
 * every ranked entry is awarded a level (entitlements computed, certificates numbered and stored in
 * one transaction), then {@code GET /contests/{id}/certificates.zip} — the PDFs are rendered while
 * that streams, not at finalize. {@code certs_s} = certificates ÷ (finalize + whole ZIP download).
 * Usage: {@code CertificatesBench [--quick] [--entries N] [--db-server jdbc:mysql://…/ --db-user U --db-password P]};
 * prints one {@code CERTS certs_s=…} line.
 */
public final class CertificatesBench {
    private static final String ADMIN_PASSWORD = "bench-admin-1";
    private static final int PER_EVENT = 5;
    static final int FULL_ENTRIES = 2_000;
    /** Quick runs finalize fewer entries: the set-up through the services is most of this part's time. */
    static final int QUICK_ENTRIES = 1_000;

    private CertificatesBench() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        int entries = Integer.parseInt(Options.of(args).get("--entries", String.valueOf(quick ? QUICK_ENTRIES : FULL_ENTRIES)));
        Options options = Options.of(args);
        try {
            Map<String, String> figures = run(options.dbServer(), options.dbUser(), options.dbPassword(), entries);
            StringBuilder line = new StringBuilder("CERTS");
            figures.forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
            System.out.println(line);
            System.exit(0);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    static Map<String, String> run(String dbServer, String user, String password, int entries) throws Exception {
        int events = Math.max(1, entries / PER_EVENT);
        Map<String, String> figures = new LinkedHashMap<>();
        Path work = Files.createTempDirectory("craftmark-certs-");
        try (BenchDatabase db = BenchDatabase.create(dbServer, user, password, "bench_certs")) {
            ServerConfig config = new ServerConfig(0, work, Optional.of(db.url()), user, password, Optional.of(ADMIN_PASSWORD), null);
            try (Craftmark server = Craftmark.start(config, Clock.systemUTC())) {
                long started = System.nanoTime();
                CertificateFixture fixture = CertificateFixture.published(server.services(), events, PER_EVENT);
                log("set-up: %d entries in %d events, published, in %.1f s", fixture.entries(), events, seconds(started));
                BenchHttp http = BenchHttp.signIn(server.port(), "admin", ADMIN_PASSWORD);

                long finalizing = System.nanoTime();
                JsonObject contest = new JsonObject(http.post("/api/v1/contests/" + fixture.contestId() + "/finalize"));
                double finalizeSeconds = seconds(finalizing);
                if (!"FINAL".equals(contest.getString("status"))) {
                    throw new IllegalStateException("finalize left the contest " + contest.getString("status"));
                }
                long zipping = System.nanoTime();
                Path zip = work.resolve("certificates.zip");
                http.download("/api/v1/contests/" + fixture.contestId() + "/certificates.zip", zip);
                double zipSeconds = seconds(zipping);

                int pdfs = checkedPdfs(zip);
                if (pdfs != fixture.entries()) {
                    throw new IllegalStateException(pdfs + " PDFs in the ZIP, expected one per entry: " + fixture.entries());
                }
                put(figures, "certs_s", pdfs / (finalizeSeconds + zipSeconds));
                figures.put("certs", Integer.toString(pdfs));
                put(figures, "finalize_s", finalizeSeconds);
                put(figures, "certs_zip_s", zipSeconds);
                put(figures, "cert_pdf_kib", Files.size(zip) / 1024.0 / pdfs);
            }
        } finally {
            deleteTree(work);
        }
        return figures;
    }

    /** How many entries of the ZIP are PDFs (each must start with {@code %PDF-}); anything else fails. */
    private static int checkedPdfs(Path file) throws IOException {
        int count = 0;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                try (InputStream in = zip.getInputStream(entry)) {
                    if (!new String(in.readNBytes(5), java.nio.charset.StandardCharsets.US_ASCII).equals("%PDF-")) {
                        throw new IllegalStateException(entry.getName() + " is not a PDF");
                    }
                }
                count++;
            }
        }
        return count;
    }

    static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    static void put(Map<String, String> figures, String key, double value) {
        figures.put(key, String.format(Locale.ROOT, "%.2f", value));
        log("%s = %s", key, figures.get(key));
    }

    static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[documents] " + format + "%n", args);
    }

    static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
