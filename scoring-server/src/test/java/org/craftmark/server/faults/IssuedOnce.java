package org.craftmark.server.faults;

import io.vertx.core.json.JsonObject;
import org.craftmark.server.testing.Api;
import org.craftmark.server.testing.PdfZip;
import org.craftmark.server.testing.SeasonOverHttp;
import org.craftmark.server.testing.TestDatabase;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a FINAL contest must show once, whatever crashed before: one entitlement row per ranked
 * person, one certificate per awarded level and none besides, numbers unique and, per prefix,
 * 000001…n with the prefix's counter at n (domain.md: a sequence from 000001 per prefix), the
 * certificates found VALID by the public verification (a spread of them: it is rate-limited), and
 * the contest's ZIP one PDF per certificate.
 */
final class IssuedOnce {
    /** Below the verification's 30 requests per 10 s and client address. */
    private static final int VERIFIED_SAMPLE = 12;
    private static final int NUMBER_PREFIX = 16;

    private IssuedOnce() {
    }

    /** {@code before}: the footprint before the contest's first finalization; answers the certificates' numbers. */
    static List<String> assertComplete(SeasonOverHttp season, TestDatabase db, ContestToFinalize contest, FinalizeFootprint before) {
        List<String> numbers = season.get("/api/v1/contests/" + contest.id() + "/certificates").getJsonArray("items").stream()
                .map(c -> ((JsonObject) c).getString("certificateNo")).toList();
        assertThat(numbers).as("certificates").hasSize(contest.certificates()).doesNotHaveDuplicates();
        assertOnePerAwardedLevel(season, contest, numbers);
        FinalizeFootprint after = FinalizeFootprint.of(db, contest.id());
        assertThat(after.status()).isEqualTo("FINAL");
        assertThat(after.entitlements()).as("entitlement rows").isEqualTo(contest.entries());
        assertThat(after.awards()).as("award rows: gold, silver and bronze of every event").isEqualTo(contest.events().size() * 3);
        assertThat(after.counters()).as("the counters of the contest's prefixes, and no other").isEqualTo(countersAfter(before, numbers));
        assertGapFree(numbers);
        assertVerified(season.api(), numbers);
        assertZipped(season, contest, numbers);
        return numbers;
    }

    private static void assertZipped(SeasonOverHttp season, ContestToFinalize contest, List<String> numbers) {
        Api.Bytes zip = season.api().getBytes("/api/v1/contests/" + contest.id() + "/certificates.zip", season.admin());
        assertThat(zip.status()).isEqualTo(200);
        assertThat(PdfZip.names(zip.body())).as("certificates.zip").containsExactlyInAnyOrderElementsOf(
                numbers.stream().map(n -> n + ".pdf").toList());
    }

    /** Every entitlement row that awards a level carries a certificate, and only those do. */
    private static void assertOnePerAwardedLevel(SeasonOverHttp season, ContestToFinalize contest, List<String> numbers) {
        List<JsonObject> rows = season.get("/api/v1/contests/" + contest.id() + "/entitlements").getJsonArray("items").stream()
                .map(JsonObject.class::cast).toList();
        assertThat(rows).hasSize(contest.entries());
        assertThat(rows).filteredOn(r -> r.getString("levelAwarded") == null).allMatch(r -> r.getString("certificateNo") == null);
        assertThat(rows).filteredOn(r -> r.getString("levelAwarded") != null).extracting(r -> r.getString("certificateNo"))
                .containsExactlyInAnyOrderElementsOf(numbers);
    }

    /**
     * Counters of other contests as before; each of this contest's prefixes (its site code is the
     * contest id) moved on by exactly the number of its certificates — not beyond, which would be
     * sequences burnt by a finalization that did not commit.
     */
    private static Map<String, Integer> countersAfter(FinalizeFootprint before, List<String> numbers) {
        Map<String, Integer> expected = new HashMap<>(before.counters());
        numbers.forEach(n -> expected.merge(prefix(n), 1, Integer::sum));
        return expected;
    }

    private static void assertGapFree(List<String> numbers) {
        Map<String, List<Integer>> byPrefix = new TreeMap<>();
        numbers.forEach(n -> byPrefix.computeIfAbsent(prefix(n), k -> new ArrayList<>()).add(Integer.parseInt(n.substring(NUMBER_PREFIX))));
        byPrefix.forEach((prefix, sequences) -> assertThat(sequences).as("sequences of " + prefix)
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, sequences.size()).boxed().toList()));
    }

    /** The first, the last and numbers spread between: the public verification finds each VALID. */
    private static void assertVerified(Api api, List<String> numbers) {
        int step = Math.max(1, numbers.size() / (VERIFIED_SAMPLE - 1));
        List<String> sample = new ArrayList<>(IntStream.iterate(0, i -> i < numbers.size(), i -> i + step).mapToObj(numbers::get).toList());
        sample.add(numbers.getLast());
        for (String number : sample) {
            Api.Response verified = api.get("/api/v1/verify/" + number, null);
            assertThat(verified.status()).as(number + ": " + verified.body()).isEqualTo(200);
            assertThat(verified.json().getString("status")).as(number).isEqualTo("VALID");
        }
    }

    private static String prefix(String number) {
        return number.substring(0, NUMBER_PREFIX);
    }
}
