package org.craftmark.server.chief;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.craftmark.core.common.Problem;
import org.craftmark.core.contest.EntryStatus;
import org.craftmark.core.marking.Criterion;
import org.craftmark.core.marking.EntryScore;
import org.craftmark.core.marking.Kind;
import org.craftmark.core.marking.Method;
import org.craftmark.core.ranking.Leaderboard;
import org.craftmark.core.ranking.Standing;
import org.craftmark.core.recheck.RecheckPick;
import org.craftmark.core.recheck.RecheckPolicy;
import org.craftmark.core.recheck.RecheckReason;
import org.craftmark.server.testing.Api;
import org.craftmark.server.testing.Backend;
import org.craftmark.server.testing.MarkingFixture;
import org.craftmark.server.testing.TestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.craftmark.server.chief.Desk.accept;
import static org.craftmark.server.chief.Desk.error;
import static org.craftmark.server.chief.Desk.mark;
import static org.craftmark.server.chief.Desk.token;

/**
 * Rechecks (复核) through the API: the top 10 and a seeded ≥ 15 % sample of the rest, the same for
 * the same seed; outcomes, the full-recheck flag above 5 % of the sample corrected; no lock (and no
 * second recheck) until every item has an outcome.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(Backend.class)
@DisplayName("Rechecks (复核)")
class RecheckTest {
    private static final int RANKED = 25;
    private static final AtomicInteger SEASONS = new AtomicInteger();

    @Parameter
    Backend backend;
    private static TestServer server;

    @BeforeParameterizedClassInvocation
    static void start(Backend backend) {
        server = TestServer.start(backend);
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static Api api() {
        return server.api();
    }

    private static String bib(int i) {
        return String.format(Locale.ROOT, "R%02d", i);
    }

    /** R01…R25 ACTIVE with totals 3, 6, … 75 (so R25 ranks first), every mark in; R26 DQ. */
    private record Marked(MarkingFixture season, String chief) {
        String path(String action) {
            return "/api/v1/events/" + season.eventId + "/" + action;
        }
    }

    private static Marked marked() {
        String prefix = "rc" + SEASONS.incrementAndGet();
        List<String> bibs = new ArrayList<>();
        for (int i = 1; i <= RANKED + 1; i++) {
            bibs.add(bib(i));
        }
        MarkingFixture season = MarkingFixture.create(server,
                List.of(new Criterion("A1", "A", "尺寸", Kind.MEASUREMENT, BigDecimal.valueOf(100), Method.SINGLE, 1)),
                List.of(), bibs, List.of(prefix + "-chief", prefix + "-j1"));
        List<JsonObject> marks = new ArrayList<>();
        for (int i = 1; i <= RANKED + 1; i++) {
            marks.add(mark(season, bib(i), "A1", 3 * i));
        }
        accept(api(), token(api(), prefix + "-j1"), marks.toArray(JsonObject[]::new));
        season.setStatus(bib(RANKED + 1), EntryStatus.DQ);
        return new Marked(season, token(api(), prefix + "-chief"));
    }

    private static List<String> bibs(JsonObject recheck, String why) {
        return items(recheck).stream().filter(i -> i.getString("why").equals(why)).map(i -> i.getString("bib")).toList();
    }

    private static List<JsonObject> items(JsonObject recheck) {
        return recheck.getJsonArray("items").stream().map(JsonObject.class::cast).toList();
    }

    /** The sample the rule itself draws for R01…R25 ranked by total, independently of the server. */
    private static List<String> expectedSample(long seed) {
        List<Standing> rows = new ArrayList<>();
        EntryScore any = new EntryScore(BigDecimal.ZERO, Map.of(), Map.of(), Map.of());
        for (int i = RANKED; i >= 1; i--) {
            rows.add(new Standing(RANKED + 1 - i, bib(i), EntryStatus.ACTIVE, any, null));
        }
        return RecheckPolicy.STANDARD.select(new Leaderboard(rows), seed).stream()
                .filter(p -> p.why() == RecheckReason.SAMPLE).map(RecheckPick::bib).toList();
    }

    private static Api.Response record(long recheckId, long entryId, String outcome, String chief) {
        return api().post("/api/v1/rechecks/" + recheckId + "/items/" + entryId, new JsonObject().put("outcome", outcome).put("note", "复核"), chief);
    }

    @Test
    void picksTheTopTenAndASeededSampleTheSameForTheSameSeed() {
        Marked first = marked();
        Api.Response started = api().post(first.path("recheck"), new JsonObject().put("seed", 42), first.chief());

        assertThat(started.status()).as(started.body()).isEqualTo(201);
        JsonObject recheck = started.json();
        assertThat(recheck.getLong("seed")).isEqualTo(42);
        assertThat(recheck.getLong("eventId")).isEqualTo(first.season().eventId);
        assertThat(recheck.getBoolean("finished")).isFalse();
        assertThat(recheck.getBoolean("fullRecheckRequired")).isFalse();
        assertThat(bibs(recheck, "TOP_10")).containsExactly("R25", "R24", "R23", "R22", "R21", "R20", "R19", "R18", "R17", "R16");
        // 15 others: ⌈15 % of 15⌉ = 3, never the DQ entry R26.
        List<String> sample = bibs(recheck, "SAMPLE");
        assertThat(sample).hasSize(3).isSorted().isEqualTo(expectedSample(42)).allMatch(b -> b.compareTo("R16") < 0);
        assertThat(items(recheck)).allSatisfy(i -> {
            assertThat(i.getValue("outcome")).isNull();
            assertThat(i.getLong("entryId")).isEqualTo(first.season().entry(i.getString("bib")));
        });
        assertThat(recheck.getJsonObject("counts")).isEqualTo(new JsonObject().put("items", 13).put("recorded", 0)
                .put("sample", 3).put("sampleCorrected", 0));
        assertThat(api().get(first.path("recheck"), first.chief()).json()).isEqualTo(recheck);

        Marked second = marked();
        JsonObject again = api().post(second.path("recheck"), new JsonObject().put("seed", 42), second.chief()).json();
        assertThat(bibs(again, "SAMPLE")).isEqualTo(sample);

        Marked third = marked();
        Api.Response unseeded = api().postRaw(third.path("recheck"), "", "application/json", third.chief());
        assertThat(unseeded.status()).as(unseeded.body()).isEqualTo(201);
        long seed = unseeded.json().getLong("seed");
        assertThat(Math.abs(seed)).isLessThanOrEqualTo((1L << 53) - 1);
        assertThat(bibs(unseeded.json(), "SAMPLE")).isEqualTo(expectedSample(seed));
    }

    @Test
    void theLockWaitsForEveryOutcomeAndTooManyCorrectedSamplesFlagAFullRecheck() {
        Marked m = marked();
        JsonObject recheck = api().post(m.path("recheck"), new JsonObject().put("seed", 7), m.chief()).json();
        long id = recheck.getLong("id");
        assertThat(error(api().post(m.path("lock"), new JsonObject(), m.chief()), 409, "CONFLICT"))
                .containsExactly(new Problem("recheck " + id, "13 of 13 items without an outcome"));
        assertThat(error(api().post(m.path("recheck"), new JsonObject().put("seed", 8), m.chief()), 409, "CONFLICT"))
                .containsExactly(new Problem("recheck " + id, "13 of 13 items without an outcome"));

        List<JsonObject> items = items(recheck);
        // A corrected TOP_10 item does not count towards the sample's share.
        JsonObject afterTop = record(id, items.getFirst().getLong("entryId"), "CORRECTED", m.chief()).json();
        assertThat(afterTop.getBoolean("fullRecheckRequired")).isFalse();
        JsonObject first = items.getFirst();
        JsonObject recorded = items(afterTop).getFirst();
        assertThat(recorded.getString("outcome")).isEqualTo("CORRECTED");
        assertThat(recorded.getString("note")).isEqualTo("复核");
        assertThat(recorded.getString("recordedAt")).isEqualTo(TestServer.START);
        assertThat(recorded.getString("bib")).isEqualTo(first.getString("bib"));
        for (JsonObject item : items.subList(1, 12)) {
            Api.Response response = record(id, item.getLong("entryId"), "CONFIRMED", m.chief());
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(response.json().getBoolean("fullRecheckRequired")).isFalse();
        }
        assertThat(error(api().post(m.path("lock"), new JsonObject(), m.chief()), 409, "CONFLICT"))
                .containsExactly(new Problem("recheck " + id, "1 of 13 items without an outcome"));

        JsonObject done = record(id, items.get(12).getLong("entryId"), "CORRECTED", m.chief()).json();

        assertThat(done.getBoolean("finished")).isTrue();
        assertThat(done.getBoolean("fullRecheckRequired")).as("1 of 3 sampled corrected is above 5 %%").isTrue();
        assertThat(done.getJsonObject("counts")).isEqualTo(new JsonObject().put("items", 13).put("recorded", 13)
                .put("sample", 3).put("sampleCorrected", 1));
        JsonObject progress = api().get(m.path("progress"), m.chief()).json().getJsonObject("recheck");
        assertThat(progress.getLong("id")).isEqualTo(id);
        assertThat(progress.getBoolean("finished")).isTrue();
        assertThat(progress.getBoolean("fullRecheckRequired")).isTrue();
        assertThat(progress.containsKey("items")).isFalse();

        Api.Response locked = api().post(m.path("lock"), new JsonObject(), m.chief());
        assertThat(locked.status()).as(locked.body()).isEqualTo(200);
        error(api().post(m.path("recheck"), new JsonObject(), m.chief()), 409, "EVENT_LOCKED");
        error(record(id, items.getFirst().getLong("entryId"), "CONFIRMED", m.chief()), 409, "EVENT_LOCKED");

        long audited = api().get("/api/v1/audit?contestId=" + m.season().contestId, api().token("admin", TestServer.ADMIN_PASSWORD))
                .json().getJsonArray("items").stream().map(JsonObject.class::cast)
                .filter(e -> e.getString("action").startsWith("recheck.")).count();
        assertThat(audited).as("one start and 13 outcomes").isEqualTo(14);
    }

    @Test
    void aFinishedRecheckMayBeFollowedByAnotherAndRecordingTheSameOutcomeAgainChangesNothing() {
        Marked m = marked();
        JsonObject first = api().post(m.path("recheck"), new JsonObject().put("seed", 1), m.chief()).json();
        long id = first.getLong("id");
        for (JsonObject item : items(first)) {
            assertThat(record(id, item.getLong("entryId"), "CONFIRMED", m.chief()).status()).isEqualTo(200);
        }
        JsonObject repeated = record(id, items(first).getFirst().getLong("entryId"), "CONFIRMED", m.chief()).json();
        assertThat(repeated.getBoolean("finished")).isTrue();

        Api.Response second = api().post(m.path("recheck"), new JsonObject().put("seed", 2), m.chief());
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        assertThat(second.json().getLong("id")).isNotEqualTo(id);
        assertThat(api().get(m.path("recheck"), m.chief()).json().getLong("id")).isEqualTo(second.json().getLong("id"));
    }

    @Test
    void badRecheckRequestsAreClearErrors() {
        Marked m = marked();
        error(api().post(m.path("recheck"), new JsonObject().put("seed", "x"), m.chief()), 400, "MALFORMED");
        error(api().post(m.path("recheck"), new JsonObject().put("seed", 1.5), m.chief()), 400, "MALFORMED");
        assertThat(error(api().post(m.path("recheck"), new JsonObject().put("seed", 1L << 60), m.chief()), 400, "VALIDATION_FAILED"))
                .extracting(Problem::field).containsExactly("seed");
        error(api().postRaw(m.path("recheck"), "[1]", "application/json", m.chief()), 400, "MALFORMED");
        error(api().post("/api/v1/events/999999/recheck", new JsonObject(), m.chief()), 404, "NOT_FOUND");
        error(api().get(m.path("recheck"), m.chief()), 404, "NOT_FOUND");

        JsonObject recheck = api().post(m.path("recheck"), new JsonObject().put("seed", 3), m.chief()).json();
        long id = recheck.getLong("id");
        long picked = items(recheck).getFirst().getLong("entryId");
        String itemPath = "/api/v1/rechecks/" + id + "/items/" + picked;
        assertThat(error(api().post(itemPath, new JsonObject().put("outcome", "MAYBE"), m.chief()), 400, "VALIDATION_FAILED"))
                .extracting(Problem::field).containsExactly("outcome");
        assertThat(error(api().post(itemPath, new JsonObject(), m.chief()), 400, "VALIDATION_FAILED"))
                .extracting(Problem::field).containsExactly("outcome");
        error(api().post(itemPath, new JsonObject().put("outcome", "CONFIRMED").put("note", 5), m.chief()), 400, "MALFORMED");
        error(api().post(itemPath, new JsonObject().put("outcome", "CONFIRMED").put("note", "长".repeat(501)), m.chief()), 400, "VALIDATION_FAILED");
        error(api().post("/api/v1/rechecks/999999/items/" + picked, new JsonObject().put("outcome", "CONFIRMED"), m.chief()), 404, "NOT_FOUND");
        error(api().post("/api/v1/rechecks/" + id + "/items/x", new JsonObject().put("outcome", "CONFIRMED"), m.chief()), 404, "NOT_FOUND");
        error(record(id, m.season().entry(bib(RANKED + 1)), "CONFIRMED", m.chief()), 404, "NOT_FOUND");
        assertThat(api().get(m.path("recheck"), m.chief()).json().getJsonObject("counts").getInteger("recorded")).isZero();

        long openEvent = OpenContest.create(server, "rc-open-chief-" + SEASONS.incrementAndGet());
        String openChief = token(api(), "rc-open-chief-" + SEASONS.get());
        error(api().post("/api/v1/events/" + openEvent + "/recheck", new JsonObject(), openChief), 409, "WRONG_STATE");
    }
}
