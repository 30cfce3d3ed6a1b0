package org.craftmark.server.backup;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.craftmark.server.cli.Main;
import org.craftmark.server.store.BackupStore;
import org.craftmark.server.testing.Backend;
import org.craftmark.server.testing.OnMariaDb;
import org.craftmark.server.testing.Season;
import org.craftmark.server.testing.SeasonOverHttp;
import org.craftmark.server.testing.TestDatabase;
import org.craftmark.server.testing.TestDatabases;
import org.craftmark.server.testing.TestServer;
import org.craftmark.server.testing.TestVertx;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.craftmark.server.testing.SeasonOverHttp.ok;

/**
 * A contest run on MariaDB, backed up with {@code scoring-server backup}, restored with
 * {@code scoring-server restore} into a fresh empty database, and a server started on that: the
 * audit chain verifies and every board, published version, entitlement and certificate reads as
 * on the source. A non-empty target, a damaged and a cut-short file are refused, changing nothing.
 */
@DisplayName("Backup and restore of a contest")
class BackupRestoreTest extends OnMariaDb {
    private static long national;
    private static long city;
    private static long lathe;

    @TempDir
    static Path dir;

    @BeforeAll
    static void runTheCityContest() {
        national = season.contest("2026 全国职业技能大赛", "NATIONAL", "000000", null, 0);
        city = season.contest("2026 北京市职业技能大赛", "CITY", "110000", national, 3);
        lathe = season.event(city, "6-18-01-01", "车工", 2, null);
        season.move(city, "open");
        Map<Long, Integer> totals = new LinkedHashMap<>();
        int[] marks = {70, 90, 86, 83};
        for (int i = 0; i < marks.length; i++) {
            totals.put(season.enter(lathe, "B0" + i, "选手" + i, Season.idNumber(7100 + i), "单位" + i), marks[i]);
        }
        long chief = season.judge("br-chief");
        season.seat(lathe, chief, "CHIEF");
        season.move(city, "start");
        season.mark(lathe, "br-chief", totals);
        season.lock(lathe, "br-chief");
        season.move(city, "publish");
        long last = totals.keySet().stream().reduce((a, b) -> b).orElseThrow();
        long appeal = ok(201, season.post("/api/v1/events/" + lathe + "/appeals",
                new JsonObject().put("entryId", last).put("reason", "测量仪器校准错误"))).getLong("id");
        ok(200, season.post("/api/v1/appeals/" + appeal + "/resolve", new JsonObject().put("decision", "UPHELD").put("note", "复测成立")));
        ok(200, season.api().post("/api/v1/entries/" + last + "/corrections", new JsonObject().put("criterion", "A1")
                .put("judgeUserId", chief).put("value", 95).put("reason", "申诉复测 95"), season.api().token("br-chief", SeasonOverHttp.JUDGE_PASSWORD)));
        season.lock(lathe, "br-chief");
        season.move(city, "publish");
        server.clock().advance(Duration.ofDays(3));
        season.signInAgain();
        season.move(city, "finalize");
        // Audited after the city's last entry: not part of its backup.
        season.contest("2027 全国职业技能大赛", "NATIONAL", "000000", null, 0);
    }

    @Test
    void aRestoredContestVerifiesAndReadsAsTheSource() throws IOException {
        Path file = dir.resolve("city.cmbackup.gz");
        assertThat(run("backup", "--contest", Long.toString(city), "--out", file.toString()).code).isZero();

        try (Restored restored = restoreIntoFreshDatabase(file)) {
            SeasonOverHttp there = new SeasonOverHttp(restored.server(), TestVertx.shared());
            JsonObject verify = there.get("/api/v1/audit/verify");
            assertThat(verify.getBoolean("ok")).as(verify.encode()).isTrue();
            long lastCityEntry = lastSeq(season.get("/api/v1/audit?contestId=" + city + "&limit=1000"));
            assertThat(verify.getLong("entries")).isEqualTo(lastCityEntry);
            for (String path : List.of("/api/v1/events/" + lathe + "/leaderboard?version=1",
                    "/api/v1/events/" + lathe + "/leaderboard?version=2", "/api/v1/contests/" + city + "/entitlements",
                    "/api/v1/audit?contestId=" + city + "&limit=1000", "/api/v1/events/" + lathe + "/entries")) {
                assertThat(there.get(path)).as(path).isEqualTo(season.get(path));
            }
            assertThat(there.get("/api/v1/events/" + lathe + "/leaderboard").getJsonArray("rows"))
                    .isEqualTo(season.get("/api/v1/events/" + lathe + "/leaderboard").getJsonArray("rows"));
            assertThat(restored.out()).contains("contests.feeds_into = " + national);
            JsonObject contest = season.get("/api/v1/contests/" + city);
            assertThat(there.get("/api/v1/contests/" + city)).as("feedsInto names a contest not restored")
                    .isEqualTo(contest.copy().put("feedsInto", null));
            String number = certificateNumber(there);
            assertThat(there.get("/api/v1/certificates/" + number)).isEqualTo(season.get("/api/v1/certificates/" + number));
        }
    }

    @Test
    void aBackupTakenWhileAJudgeMarksHoldsOneInstantOfTheContest() {
        long running = season.contest("2026 朝阳区职业技能大赛", "DISTRICT", "110105", null, 0);
        long event = season.event(running, "6-18-02-01", "钳工", 3, null);
        season.move(running, "open");
        Map<Long, Integer> totals = new LinkedHashMap<>();
        for (int i = 0; i < 40; i++) {
            totals.put(season.enter(event, "Y" + (10 + i), "选手Y" + i, Season.idNumber(7300 + i), "单位Y" + i), 50 + i);
        }
        season.seat(event, season.judge("br-marker"), "CHIEF");
        season.move(running, "start");
        CompletableFuture<Void> marking = CompletableFuture.runAsync(() -> season.mark(event, "br-marker", totals));
        await(() -> marked(season, event) > 0 || marking.isDone());
        Path file = dir.resolve("running.cmbackup.gz");
        assertThat(run("backup", "--contest", Long.toString(running), "--out", file.toString()).code).isZero();
        marking.join();

        try (Restored restored = restoreIntoFreshDatabase(file)) {
            SeasonOverHttp there = new SeasonOverHttp(restored.server(), TestVertx.shared());
            assertThat(there.get("/api/v1/audit/verify").getBoolean("ok")).isTrue();
            long audited = there.get("/api/v1/audit?contestId=" + running + "&limit=1000").getJsonArray("items").stream()
                    .filter(e -> "mark.submit".equals(((JsonObject) e).getString("action"))).count();
            assertThat(marked(there, event)).as("every restored mark has its audit entry, and no more").isEqualTo(audited)
                    .isBetween(1L, (long) totals.size());
        }
    }

    private static long marked(SeasonOverHttp on, long event) {
        return on.get("/api/v1/events/" + event + "/leaderboard").getJsonArray("rows").stream()
                .filter(r -> ((JsonObject) r).getBoolean("marked", false)).count();
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 30 s").isLessThan(deadline);
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    @Test
    void aMariaDbBackupRestoresIntoTheEmbeddedDatabase() {
        Path file = dir.resolve("to-h2.cmbackup.gz");
        assertThat(run("backup", "--contest", Long.toString(city), "--out", file.toString()).code).isZero();
        try (Restored restored = restoreIntoFreshDatabase(file, Backend.H2)) {
            SeasonOverHttp there = new SeasonOverHttp(restored.server(), TestVertx.shared());
            assertThat(there.get("/api/v1/audit/verify").getBoolean("ok")).isTrue();
            String board = "/api/v1/events/" + lathe + "/leaderboard?version=2";
            assertThat(there.get(board)).isEqualTo(season.get(board));
            long created = ok(201, there.post("/api/v1/contests", Season.contest("2027 北京市职业技能大赛", "CITY", "110000", null)))
                    .getLong("id");
            assertThat(created).as("new ids follow the restored ones").isGreaterThan(city);
        }
    }

    @Test
    void aRestoreRefusesADatabaseThatIsNotEmptyAndChangesNothing() {
        Path file = dir.resolve("refused.cmbackup.gz");
        assertThat(run("backup", "--contest", Long.toString(city), "--out", file.toString()).code).isZero();
        long before = season.get("/api/v1/audit/verify").getLong("entries");
        Outcome refused = run(withTarget(server, "restore", "--in", file.toString()));
        assertThat(refused.code).isEqualTo(1);
        assertThat(refused.err).contains("restore needs an empty database");
        assertThat(season.get("/api/v1/audit/verify").getLong("entries")).isEqualTo(before);
    }

    @Test
    void aDamagedOrCutShortBackupIsRefusedAndLeavesTheDatabaseEmpty() throws IOException {
        Path file = dir.resolve("whole.cmbackup.gz");
        assertThat(run("backup", "--contest", Long.toString(city), "--out", file.toString()).code).isZero();
        List<String> lines = lines(file);
        Path cut = write(dir.resolve("cut.gz"), lines.subList(0, lines.size() / 2));
        List<String> edited = lines.stream().map(l -> l.replace("\"mark_value\":\"70.00\"", "\"mark_value\":\"100.00\"")).toList();
        assertThat(edited).as("a mark was edited").isNotEqualTo(lines);
        Path changed = write(dir.resolve("changed.gz"), edited);

        try (TestDatabase target = TestDatabases.fresh(Backend.MYSQL)) {
            assertThat(run(withTarget(target, "restore", "--in", cut.toString())).err).contains("ends early");
            assertThat(run(withTarget(target, "restore", "--in", changed.toString())).err).contains("checksum does not match");
            assertThat(run("backup", "--contest", "999999", "--out", dir.resolve("none.gz").toString()).err).contains("no contest 999999");
            Outcome restored = run(withTarget(target, "restore", "--in", file.toString()));
            assertThat(restored.code).as("nothing was left behind by the refusals: " + restored.err).isZero();
        }
    }

    @Test
    void everyTableIsBackedUpOrKnowinglyLeftOut() {
        List<String> listed = Stream.concat(BackupStore.tableNames().stream(),
                BackupStore.NOT_BACKED_UP.stream().map(t -> t.getName())).toList();
        assertThat(listed).containsExactlyInAnyOrderElementsOf(BackupStore.allTables());
    }

    /** A server over a fresh database the backup was restored into, and what the restore printed. */
    private record Restored(TestServer server, String out) implements AutoCloseable {
        @Override
        public void close() {
            server.close();
        }
    }

    private static Restored restoreIntoFreshDatabase(Path file) {
        return restoreIntoFreshDatabase(file, Backend.MYSQL);
    }

    private static Restored restoreIntoFreshDatabase(Path file, Backend backend) {
        TestDatabase target = TestDatabases.fresh(backend);
        Outcome restored = run(withTarget(target, "restore", "--in", file.toString()));
        assertThat(restored.code).as(restored.err).isZero();
        assertThat(restored.out).contains("Audit chain verified");
        return new Restored(TestServer.startOn(target, Optional.of(sourceIdKey())), restored.out);
    }

    private static String certificateNumber(SeasonOverHttp there) {
        JsonArray items = there.get("/api/v1/contests/" + city + "/entitlements").getJsonArray("items");
        return items.stream().map(i -> ((JsonObject) i).getString("certificateNo")).filter(n -> n != null).findFirst().orElseThrow();
    }

    private static long lastSeq(JsonObject page) {
        JsonArray items = page.getJsonArray("items");
        return items.getJsonObject(items.size() - 1).getLong("seq");
    }

    private static String[] withTarget(TestDatabase db, String... args) {
        Stream<String> target = db.backend() == Backend.H2 ? Stream.of("--data-dir", db.dataDir().toString())
                : Stream.of("--db", db.url(), "--db-user", db.user(), "--db-password", db.password());
        // The ID numbers travel sealed: every command and the restored server use the source's key.
        return Stream.of(Stream.of(args), target, Stream.of("--id-key", sourceIdKey())).flatMap(a -> a).toArray(String[]::new);
    }

    /** The source server's ID-number key: it was given none, so it made a key file in its data directory. */
    private static String sourceIdKey() {
        try {
            return Files.readString(server.config().dataDir().resolve("id-number.key"), StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String[] withTarget(TestServer source, String... args) {
        return withTarget(source.database(), args);
    }

    private record Outcome(int code, String out, String err) {
    }

    /** Runs the command line as an operator would, against the source server's database unless told otherwise. */
    private static Outcome run(String... args) {
        String[] full = args[0].equals("backup") ? withTarget(server, args) : args;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(full);
        return new Outcome(code, out.toString(), err.toString());
    }

    private static List<String> lines(Path gzip) throws IOException {
        try (var in = new GZIPInputStream(Files.newInputStream(gzip))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    private static Path write(Path gzip, List<String> lines) throws IOException {
        try (var out = new GZIPOutputStream(Files.newOutputStream(gzip))) {
            out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return gzip;
    }
}
