package org.craftmark.server.pipeline;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.craftmark.server.testing.OnMariaDb;
import org.craftmark.server.testing.Season;
import org.craftmark.server.testing.SeasonOverHttp;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.craftmark.server.testing.SeasonOverHttp.ok;

/**
 * A whole season on MariaDB through HTTP and WebSockets only: two district contests (通州, 朝阳)
 * advance into the Beijing contest, which has an appeal that changes a rank before finality, and
 * advances into the national final. Who advances is checked at every step against a calculation
 * of this test's own from the rulebook (quota with boundary ties, minimum score, a person already
 * entered).
 */
@DisplayName("A full season: districts → city → national")
class FullSeasonTest extends OnMariaDb {
    /** One competitor as this test knows them: bib, ID number, and the total their judge will give. */
    private record Competitor(String bib, String idNumber, int total) {
    }

    private static Competitor person(String bib, int n, int total) {
        return new Competitor(bib, Season.idNumber(9000 + n), total);
    }

    @Test
    void aSeasonRunsFromTheDistrictsToTheNationalFinal() {
        long national = season.contest("2026 全国职业技能大赛", "NATIONAL", "000000", null, 0);
        long city = season.contest("2026 北京市职业技能大赛", "CITY", "110000", national, 3);
        long tongzhou = season.contest("2026 通州区职业技能大赛", "DISTRICT", "110112", city, 0);
        long chaoyang = season.contest("2026 朝阳区职业技能大赛", "DISTRICT", "110105", city, 0);
        long nationalLathe = season.event(national, "6-18-01-01", "车工", 3, null);
        long cityLathe = season.event(city, "6-18-01-01", "车工", 2, null);
        long tzLathe = season.event(tongzhou, "6-18-01-01", "车工", 3, 60);
        long tzFitter = season.event(tongzhou, "6-18-02-01", "钳工", 3, null);
        long cyLathe = season.event(chaoyang, "6-18-01-01", "车工", 3, 80);
        List.of(national, city, tongzhou, chaoyang).forEach(c -> season.move(c, "open"));

        // 通州: a tie at the quota's boundary rank 3 — both advance; 59 is under the minimum but outside the quota anyway.
        List<Competitor> tz = List.of(person("T01", 1, 95), person("T02", 2, 88), person("T03", 3, 80), person("T04", 4, 80),
                person("T05", 5, 59));
        // 朝阳: Y03 is within the quota but under the minimum of 80.
        List<Competitor> cy = List.of(person("Y01", 11, 92), person("Y02", 12, 85), person("Y03", 13, 79), person("Y04", 14, 60));
        Map<String, Long> tzEntries = register(tzLathe, tz);
        Map<String, Long> cyEntries = register(cyLathe, cy);
        register(tzFitter, List.of(person("F01", 21, 90)));
        // T02 registered with the city directly (e.g. as last year's champion): not entered twice.
        season.enter(cityLathe, "BJ01", "选手BJ01", tz.get(1).idNumber(), "单位BJ01");

        runDistrict(tongzhou, Map.of(tzLathe, tz, tzFitter, List.of(person("F01", 21, 90))), "tz");
        runDistrict(chaoyang, Map.of(cyLathe, cy), "cy");

        JsonObject tzAdvance = season.advance(tongzhou);
        assertThat(advancedBibs(tzAdvance)).isEqualTo(expected(tz, 3, 60, Set.of(tz.get(1).idNumber())));
        assertThat(advancedBibs(tzAdvance)).containsExactlyInAnyOrder("T01", "T03", "T04");
        assertThat(skipped(tzAdvance)).containsExactlyInAnyOrder("T02 ALREADY_ENTERED", "event " + tzFitter + " NO_MATCHING_EVENT");
        assertThat(season.advance(tongzhou).getJsonArray("advanced")).as("idempotent").isEqualTo(tzAdvance.getJsonArray("advanced"));
        JsonObject cyAdvance = season.advance(chaoyang);
        assertThat(advancedBibs(cyAdvance)).isEqualTo(expected(cy, 3, 80, Set.of())).containsExactlyInAnyOrder("Y01", "Y02");
        assertThat(skipped(cyAdvance)).containsExactly("Y03 BELOW_MIN_SCORE");

        Map<String, JsonObject> cityEntries = entries(cityLathe);
        assertThat(cityEntries.keySet()).containsExactlyInAnyOrder("BJ01", "110112-T01", "110112-T03", "110112-T04",
                "110105-Y01", "110105-Y02");
        JsonObject t01InCity = cityEntries.get("110112-T01");
        assertThat(t01InCity.getString("homeRegionCode")).isEqualTo("110112");
        assertThat(t01InCity.getJsonObject("source")).isEqualTo(new JsonObject().put("entryId", tzEntries.get("T01")).put("rank", 1));
        assertThat(cityEntries.get("110105-Y02").getJsonObject("source").getLong("entryId")).isEqualTo(cyEntries.get("Y02"));

        // The city: Y02 is fourth until an appeal is upheld and the chief judge corrects the mark.
        Map<String, Integer> cityTotals = new LinkedHashMap<>(Map.of("BJ01", 70, "110112-T01", 90, "110112-T03", 86,
                "110112-T04", 84, "110105-Y01", 88, "110105-Y02", 83));
        season.seat(cityLathe, season.judge("bj-chief"), "CHIEF");
        season.move(city, "start");
        season.mark(cityLathe, "bj-chief", byId(cityEntries, cityTotals));
        season.lock(cityLathe, "bj-chief");
        assertThat(season.move(city, "publish").getInteger("resultsVersion")).isEqualTo(1);

        long y02 = cityEntries.get("110105-Y02").getLong("id");
        long appeal = ok(201, season.post("/api/v1/events/" + cityLathe + "/appeals",
                new JsonObject().put("entryId", y02).put("reason", "尺寸测量仪器校准错误"))).getLong("id");
        ok(200, season.post("/api/v1/appeals/" + appeal + "/resolve", new JsonObject().put("decision", "UPHELD").put("note", "复测成立")));
        String chief = season.api().token("bj-chief", SeasonOverHttp.JUDGE_PASSWORD);
        long chiefId = season.get("/api/v1/events/" + cityLathe + "/panel").getJsonArray("items").getJsonObject(0).getLong("userId");
        ok(200, season.api().post("/api/v1/entries/" + y02 + "/corrections", new JsonObject().put("criterion", "A1")
                .put("judgeUserId", chiefId).put("value", 91).put("reason", "申诉复测 91"), chief));
        season.lock(cityLathe, "bj-chief");
        assertThat(season.move(city, "publish").getInteger("resultsVersion")).isEqualTo(2);
        cityTotals.put("110105-Y02", 91);

        JsonObject v1 = season.get("/api/v1/events/" + cityLathe + "/leaderboard?version=1");
        JsonObject v2 = season.get("/api/v1/events/" + cityLathe + "/leaderboard?version=2");
        assertThat(rankOf(v1, "110105-Y02")).isEqualTo(5);
        assertThat(rankOf(v2, "110105-Y02")).isEqualTo(1);
        assertThat(v1.getJsonArray("rows")).isNotEqualTo(v2.getJsonArray("rows"));

        assertThat(season.post("/api/v1/contests/" + city + "/finalize", new JsonObject()).status()).as("公示 runs 3 days").isEqualTo(409);
        server.clock().advance(Duration.ofDays(3));
        season.signInAgain();
        season.move(city, "finalize");
        JsonObject cityAdvance = season.advance(city);
        List<Competitor> asPublished = cityTotals.entrySet().stream()
                .map(e -> new Competitor(e.getKey(), idOf(cityEntries.get(e.getKey())), e.getValue())).toList();
        assertThat(advancedBibs(cityAdvance)).isEqualTo(expected(asPublished, 2, null, Set.of()))
                .containsExactlyInAnyOrder("110105-Y02", "110112-T01");

        Map<String, JsonObject> nationalEntries = entries(nationalLathe);
        assertThat(nationalEntries.keySet()).containsExactlyInAnyOrder("110000-110105-Y02", "110000-110112-T01");
        assertThat(nationalEntries.get("110000-110112-T01").getString("homeRegionCode")).isEqualTo("110112");

        season.seat(nationalLathe, season.judge("cn-chief"), "CHIEF");
        season.move(national, "start");
        season.mark(nationalLathe, "cn-chief", byId(nationalEntries, Map.of("110000-110105-Y02", 93, "110000-110112-T01", 97)));
        season.lock(nationalLathe, "cn-chief");
        season.move(national, "publish");
        assertThat(season.move(national, "finalize").getString("status")).isEqualTo("FINAL");

        JsonObject history = season.get("/api/v1/persons/" + tz.get(0).idNumber() + "/history");
        assertThat(history.getJsonArray("items").stream().map(i -> ((JsonObject) i).getString("tier")))
                .containsExactly("DISTRICT", "CITY", "NATIONAL");
        JsonObject atNational = history.getJsonArray("items").getJsonObject(2);
        assertThat(atNational.getInteger("rank")).isEqualTo(1);
        assertThat(atNational.getString("prize")).isEqualTo("GOLD");
        assertThat(atNational.getJsonObject("source").getLong("entryId")).isEqualTo(t01InCity.getLong("id"));
        assertThat(season.get("/api/v1/audit/verify").getBoolean("ok")).isTrue();
    }

    private static Map<String, Long> register(long event, List<Competitor> competitors) {
        Map<String, Long> ids = new LinkedHashMap<>();
        competitors.forEach(c -> ids.put(c.bib(), season.enter(event, c.bib(), "选手" + c.bib(), c.idNumber(), "单位" + c.bib())));
        return ids;
    }

    /** Each event's chief marks every entry with its total, locks; the contest publishes and, with no notice days, finalizes. */
    private static void runDistrict(long contest, Map<Long, List<Competitor>> events, String prefix) {
        Map<Long, String> chiefs = new HashMap<>();
        events.keySet().forEach(event -> {
            String chief = prefix + "-chief-" + event;
            season.seat(event, season.judge(chief), "CHIEF");
            chiefs.put(event, chief);
        });
        season.move(contest, "start");
        events.forEach((event, competitors) -> {
            Map<String, JsonObject> entries = entries(event);
            Map<Long, Integer> marks = new LinkedHashMap<>();
            competitors.forEach(c -> marks.put(entries.get(c.bib()).getLong("id"), c.total()));
            season.mark(event, chiefs.get(event), marks);
            season.lock(event, chiefs.get(event));
        });
        season.move(contest, "publish");
        assertThat(season.move(contest, "finalize").getString("status")).isEqualTo("FINAL");
    }

    /**
     * Who should advance, computed here from the rulebook: rank = 1 + the number of strictly higher
     * totals (shared ranks), then rank ≤ quota, total ≥ minimum, and nobody already entered.
     */
    private static Set<String> expected(List<Competitor> results, int quota, Integer minScore, Set<String> alreadyEntered) {
        return results.stream()
                .filter(c -> 1 + results.stream().filter(o -> o.total() > c.total()).count() <= quota)
                .filter(c -> minScore == null || c.total() >= minScore)
                .filter(c -> !alreadyEntered.contains(c.idNumber()))
                .map(Competitor::bib)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> advancedBibs(JsonObject report) {
        return report.getJsonArray("advanced").stream().map(a -> ((JsonObject) a).getString("bib"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<String> skipped(JsonObject report) {
        return report.getJsonArray("skipped").stream().map(s -> (JsonObject) s)
                .map(s -> (s.getString("bib") == null ? "event " + s.getLong("sourceEventId") : s.getString("bib")) + " " + s.getString("reason"))
                .toList();
    }

    private static Map<String, JsonObject> entries(long event) {
        Map<String, JsonObject> byBib = new LinkedHashMap<>();
        season.get("/api/v1/events/" + event + "/entries").getJsonArray("items")
                .forEach(e -> byBib.put(((JsonObject) e).getString("bib"), (JsonObject) e));
        return byBib;
    }

    private static Map<Long, Integer> byId(Map<String, JsonObject> entries, Map<String, Integer> totals) {
        Map<Long, Integer> marks = new LinkedHashMap<>();
        totals.forEach((bib, total) -> marks.put(entries.get(bib).getLong("id"), total));
        return marks;
    }

    private static String idOf(JsonObject entry) {
        return entry.getJsonObject("competitor").getString("idNumber");
    }

    private static int rankOf(JsonObject board, String bib) {
        JsonArray rows = board.getJsonArray("rows");
        return rows.stream().map(r -> (JsonObject) r).filter(r -> r.getString("bib").equals(bib)).findFirst().orElseThrow().getInteger("rank");
    }
}
