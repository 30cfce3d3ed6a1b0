package org.craftmark.server.certificates;

import org.craftmark.server.testing.OnMariaDb;
import io.vertx.core.json.JsonObject;
import org.craftmark.core.certificates.CertificatePrefix;
import org.craftmark.core.contest.SkillLevel;
import org.craftmark.core.pipeline.RegionCode;
import org.craftmark.server.testing.Api;
import org.craftmark.server.testing.Season;
import org.craftmark.server.testing.SeasonOverHttp;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Certificate numbers under concurrency on MariaDB: finalizations racing each other — of two contests,
 * and of one contest from several requests at once — give unique numbers, each prefix counted
 * 000001, 000002, … without a gap; and the prefix counter itself, taken by many transactions at once,
 * hands out every sequence exactly once.
 */
@DisplayName("Certificate numbers under concurrency")
class CertificateNumbersUnderRaceTest extends OnMariaDb {

    /** A published district contest of 8 ranked employees (levels for ranks 1–6), ready to finalize. */
    private static long publishedContest(String name, int first) {
        long contest = season.contest(name, "DISTRICT", "110112", null, 0, 2026, "CLASS_II");
        long event = season.event(contest, "6-18-01-01", "车工", "EMPLOYEE", "INDIVIDUAL", null, null);
        season.move(contest, "open");
        Map<Long, Integer> ranks = new LinkedHashMap<>();
        for (int i = 0; i < 8; i++) {
            ranks.put(season.enter(event, "A0" + (i + 1), SeasonOverHttp.competitor("选手" + (first + i), Season.idNumber(first + i),
                    "单位", "学院", i % 2 == 0 ? "L3" : "NONE")), i + 1);
        }
        season.move(contest, "start");
        season.record(event, ranks);
        season.move(contest, "publish");
        return contest;
    }

    private static <T> List<T> atOnce(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.call();
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> numbers(long contest) {
        return season.get("/api/v1/contests/" + contest + "/certificates").getJsonArray("items").stream()
                .map(c -> ((JsonObject) c).getString("certificateNo")).toList();
    }

    /** Per prefix, the sequences must be exactly 1..n. */
    private static void assertGapFree(List<String> numbers) {
        assertThat(numbers).doesNotHaveDuplicates();
        Map<String, List<Integer>> byPrefix = new TreeMap<>();
        numbers.forEach(n -> byPrefix.computeIfAbsent(n.substring(0, 16), k -> new ArrayList<>()).add(Integer.parseInt(n.substring(16))));
        byPrefix.forEach((prefix, sequences) -> assertThat(sequences).as(prefix)
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, sequences.size()).boxed().toList()));
    }

    @Test
    void twoContestsFinalizedAtOnceGetUniqueGapFreeNumbers() throws Exception {
        long a = publishedContest("竞速 A", 100);
        long b = publishedContest("竞速 B", 200);

        List<Integer> statuses = atOnce(List.of(
                () -> season.post("/api/v1/contests/" + a + "/finalize", new JsonObject()).status(),
                () -> season.post("/api/v1/contests/" + b + "/finalize", new JsonObject()).status()));

        assertThat(statuses).containsOnly(200);
        List<String> all = new ArrayList<>(numbers(a));
        all.addAll(numbers(b));
        assertThat(numbers(a)).hasSize(6);
        assertThat(numbers(b)).hasSize(6);
        assertGapFree(all);
    }

    @Test
    void oneContestFinalizedByFourRequestsAtOnceIssuesEverythingOnce() throws Exception {
        long contest = publishedContest("竞速 C", 300);

        List<Api.Response> answers = atOnce(List.of(
                () -> season.post("/api/v1/contests/" + contest + "/finalize", new JsonObject()),
                () -> season.post("/api/v1/contests/" + contest + "/finalize", new JsonObject()),
                () -> season.post("/api/v1/contests/" + contest + "/finalize", new JsonObject()),
                () -> season.post("/api/v1/contests/" + contest + "/finalize", new JsonObject())));

        assertThat(answers).extracting(Api.Response::status).containsOnly(200);
        assertThat(season.get("/api/v1/contests/" + contest + "/entitlements").getJsonArray("items")).hasSize(8);
        assertThat(numbers(contest)).hasSize(6);
        assertGapFree(numbers(contest));
    }

    @Test
    void thePrefixCounterHandsOutEverySequenceOnceAcrossTransactions() throws Exception {
        CertificatePrefix prefix = CertificatePrefix.of("0001", new RegionCode("110112"), 999_001, 2026, SkillLevel.L3);
        var db = server.app().database();
        List<Callable<Integer>> takers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            takers.add(() -> db.transaction(tx -> tx.certificates().reserve(prefix, 5)));
        }

        List<Integer> highestBefore = atOnce(takers);

        Map<Integer, Integer> ranges = new HashMap<>();
        highestBefore.forEach(h -> ranges.merge(h, 1, Integer::sum));
        assertThat(ranges.keySet()).as("each transaction took its own 5").containsExactlyInAnyOrder(0, 5, 10, 15, 20, 25, 30, 35);
        int last = db.transaction(tx -> tx.certificates().reserve(prefix, 0));
        assertThat(last).isEqualTo(40);
    }
}
