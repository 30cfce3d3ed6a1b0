package org.craftmark.server.entitlements;

import org.craftmark.server.testing.OnMariaDb;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.craftmark.server.entitlements.ExpectedEntitlements.Expected;
import org.craftmark.server.entitlements.ExpectedEntitlements.Placing;
import org.craftmark.server.entitlements.ExpectedEntitlements.Policy;
import org.craftmark.server.testing.Season;
import org.craftmark.server.testing.SeasonOverHttp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.craftmark.server.testing.SeasonOverHttp.ok;

/**
 * Entitlements at FINAL on MariaDB, through the API: contests of every tier (a WORLD and a national
 * final recorded from elsewhere, the national of the year before included), both categories, both
 * groups and both modes, finalized one after another; every entitlement row, certificate number and
 * award sum is checked against {@link ExpectedEntitlements}, this test's own reading of the rulebook.
 * Among them: a person promoted at district level and ranked again at city level the same year (no
 * second level), and one whose level from last year's national final raises what the city gives.
 */
@DisplayName("Entitlements at FINAL, every tier, category, group and mode")
class EntitlementsAtFinalTest extends OnMariaDb {
    private static final ExpectedEntitlements rules = new ExpectedEntitlements();
    private static final List<Policy> POLICIES = new ArrayList<>();
    private static final Map<String, String> CITY_NAMES = Map.of("000000", "中华人民共和国", "110000", "北京市", "110112", "北京市",
            "120000", "天津市");
    private static int people;

    /** A competitor as this test registers them. */
    record Person(String name, String idNumber, String level, String employer, String trainingUnit) {
        String unit() {
            return trainingUnit == null || trainingUnit.isBlank() ? employer : trainingUnit;
        }
    }

    /** An entry as this test knows it: its id, home region and members, first member first. */
    record Entry(long id, String bib, String homeRegion, List<Person> members) {
    }

    /** An event's facts and its entries by rank (index 0 = rank 1). */
    record Event(long id, String group, String mode, int teamSize, List<Entry> byRank) {
    }

    /** A contest's facts. */
    record Contest(long id, String tier, String category, String region, int year, List<Event> events) {
    }

    @BeforeAll
    static void start() {
        policy("110112", List.of("110112"), Map.of("WORLD", new long[] {300000, 180000, 120000, 100000},
                "NATIONAL", new long[] {200000, 150000, 100000, 80000}, "CITY", new long[] {100000, 50000, 30000, 50000}));
        policy("110000", List.of("110000", "110112", "110105"), Map.of("CITY", new long[] {20000, 10000, 5000, 2000},
                "NATIONAL", new long[] {30000, 20000, 10000, 0}));
    }

    private static void policy(String region, List<String> paysFor, Map<String, long[]> tiers) {
        JsonObject body = new JsonObject();
        tiers.forEach((tier, a) -> {
            body.put(tier, new JsonObject().put("GOLD", a[0]).put("SILVER", a[1]).put("BRONZE", a[2]).put("unit", a[3]));
            POLICIES.add(new Policy(region, tier, a[0], a[1], a[2], a[3], paysFor));
        });
        ok(200, season.api().put("/api/v1/regions/" + region + "/award-policy", new JsonObject().put("tiers", body), season.admin()));
    }

    private static Person person(String level) {
        people++;
        String training = people % 3 == 0 ? null : "技师学院" + people % 4;
        return new Person("选手" + people, Season.idNumber(3000 + people), level, "企业" + people, training);
    }

    private static Entry individual(long event, String bib, String homeRegion, Person p) {
        long id = season.enter(event, bib, SeasonOverHttp.competitor(p.name(), p.idNumber(), p.employer(), p.trainingUnit(), p.level()));
        return new Entry(id, bib, homeRegion, List.of(p));
    }

    private static Entry team(long event, String bib, String homeRegion, List<Person> members) {
        long id = season.enterTeam(event, bib, "代表队" + bib, members.stream()
                .map(p -> SeasonOverHttp.competitor(p.name(), p.idNumber(), p.employer(), p.trainingUnit(), p.level())).toList());
        return new Entry(id, bib, homeRegion, members);
    }

    /** Records the ranks (index = rank − 1), publishes with no notice days and finalizes. */
    private static void finalizeContest(long contest, List<Event> events) {
        season.move(contest, "start");
        for (Event event : events) {
            Map<Long, Integer> ranks = new LinkedHashMap<>();
            for (int i = 0; i < event.byRank().size(); i++) {
                ranks.put(event.byRank().get(i).id(), i + 1);
            }
            season.record(event.id(), ranks);
        }
        season.move(contest, "publish");
        assertThat(season.move(contest, "finalize").getString("status")).isEqualTo("FINAL");
    }

    /** The advanced entries of {@code source} in the event, as this test knows them (members copied, home kept). */
    private static Entry advanced(long event, Entry source, String regionPrefix) {
        JsonObject made = season.get("/api/v1/events/" + event + "/entries").getJsonArray("items").stream().map(JsonObject.class::cast)
                .filter(e -> e.getString("bib").equals(regionPrefix + "-" + source.bib())).findFirst().orElseThrow();
        assertThat(made.getString("homeRegionCode")).isEqualTo(source.homeRegion());
        return new Entry(made.getLong("id"), made.getString("bib"), source.homeRegion(), source.members());
    }

    @Test
    void everyRowCertificateAndAwardIsWhatTheRulesSay() {
        // Last year's national final (recorded): Q1 becomes 二级/技师 there.
        Person q1 = person("L5");
        long n2025 = season.contest("2025 全国职业技能大赛", "NATIONAL", "000000", null, 0, 2025, "CLASS_I");
        long n2025Lathe = season.event(n2025, "6-18-01-01", "车工", "EMPLOYEE", "INDIVIDUAL", null, null);
        season.move(n2025, "open");
        List<Entry> lastYear = new ArrayList<>(List.of(individual(n2025Lathe, "Q01", "000000", q1)));
        for (int i = 2; i <= 4; i++) {
            lastYear.add(individual(n2025Lathe, "Q0" + i, "000000", person("NONE")));
        }
        Contest national2025 = new Contest(n2025, "NATIONAL", "CLASS_I", "000000", 2025,
                List.of(new Event(n2025Lathe, "EMPLOYEE", "INDIVIDUAL", 1, lastYear)));
        finalizeContest(n2025, national2025.events());
        check(national2025);

        // This year: the national final and the Beijing contest are open for winners; 通州 runs first.
        long national = season.contest("2026 全国职业技能大赛", "NATIONAL", "000000", null, 0, 2026, "CLASS_I");
        long nationalLathe = season.event(national, "6-18-01-01", "车工", "EMPLOYEE", "INDIVIDUAL", null, null);
        long nationalRobots = season.event(national, "6-30-99-00", "工业机器人系统操作员", "EMPLOYEE", "TEAM", 3, null);
        long city = season.contest("2026 北京市职业技能大赛", "CITY", "110000", national, 0, 2026, "CLASS_I");
        long cityLathe = season.event(city, "6-18-01-01", "车工", "EMPLOYEE", "INDIVIDUAL", null, 2);
        long cityRobots = season.event(city, "6-30-99-00", "工业机器人系统操作员", "STUDENT", "TEAM", 2, null);
        long district = season.contest("2026 通州区职业技能大赛", "DISTRICT", "110112", city, 0, 2026, "CLASS_II");
        long districtLathe = season.event(district, "6-18-01-01", "车工", "EMPLOYEE", "INDIVIDUAL", null, 3);
        List.of(national, city, district).forEach(c -> season.move(c, "open"));

        List<Entry> tz = new ArrayList<>();
        for (String level : List.of("L4", "NONE", "L3", "L2", "L5", "NONE", "L4", "NONE")) {
            tz.add(individual(districtLathe, String.format(Locale.ROOT, "D%02d", tz.size() + 1), "110112", person(level)));
        }
        Contest tongzhou = new Contest(district, "DISTRICT", "CLASS_II", "110112", 2026,
                List.of(new Event(districtLathe, "EMPLOYEE", "INDIVIDUAL", 1, tz)));
        finalizeContest(district, tongzhou.events());
        check(tongzhou);
        season.advance(district);

        // Beijing: D01 (promoted at 通州 this year) is second; Q1 (二级 since last year) wins and gets 一级.
        List<Entry> bjLathe = new ArrayList<>();
        Entry q1Direct = individual(cityLathe, "BJ01", "110000", new Person(q1.name(), q1.idNumber(), "L4", q1.employer(), q1.trainingUnit()));
        Entry d01 = advanced(cityLathe, tz.get(0), "110112");
        Entry d02 = advanced(cityLathe, tz.get(1), "110112");
        Entry d03 = advanced(cityLathe, tz.get(2), "110112");
        List<Entry> others = new ArrayList<>();
        for (int i = 2; i <= 7; i++) {
            others.add(individual(cityLathe, "BJ0" + i, "110000", person("L4")));
        }
        bjLathe.addAll(List.of(q1Direct, d01, others.get(0), d02, others.get(1), d03, others.get(2), others.get(3), others.get(4),
                others.get(5)));
        List<Entry> bjRobots = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            bjRobots.add(team(cityRobots, "T0" + i, "110000", List.of(person(i == 1 ? "L3" : "NONE"), person("NONE"))));
        }
        Contest beijing = new Contest(city, "CITY", "CLASS_I", "110000", 2026, List.of(
                new Event(cityLathe, "EMPLOYEE", "INDIVIDUAL", 1, bjLathe), new Event(cityRobots, "STUDENT", "TEAM", 2, bjRobots)));
        finalizeContest(city, beijing.events());
        check(beijing);
        JsonObject promotedAtDistrict = rowOf(city, d01.id());
        assertThat(promotedAtDistrict.getValue("levelAwarded")).isNull();
        assertThat(promotedAtDistrict.getString("levelReason")).isEqualTo("ALREADY_PROMOTED_THIS_YEAR");
        assertThat(promotedAtDistrict.getString("title")).isEqualTo("北京市技术能手");
        assertThat(promotedAtDistrict.getLong("individualAward")).as("通州 50000 + 北京 10000 for silver").isEqualTo(60000);
        assertThat(rowOf(city, q1Direct.id()).getString("levelAwarded")).as("二级 from last year, escalated").isEqualTo("L1");
        season.advance(city);

        // 天津, a CLASS_II city contest.
        long tianjin = season.contest("2026 天津市职业技能大赛", "CITY", "120000", null, 0, 2026, "CLASS_II");
        long tjLathe = season.event(tianjin, "6-18-01-01", "车工", "EMPLOYEE", "INDIVIDUAL", null, null);
        season.move(tianjin, "open");
        List<Entry> tj = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            tj.add(individual(tjLathe, "TJ0" + i, "120000", person("L4")));
        }
        Contest tianjinContest = new Contest(tianjin, "CITY", "CLASS_II", "120000", 2026, List.of(new Event(tjLathe, "EMPLOYEE", "INDIVIDUAL", 1, tj)));
        finalizeContest(tianjin, tianjinContest.events());
        check(tianjinContest);

        // The national final (recorded): D01 second again (promoted this year), Q1 third (holds 一级 now).
        Entry z1 = individual(nationalLathe, "CN01", "000000", person("L3"));
        List<Entry> nLathe = List.of(z1, advanced(nationalLathe, d01, "110000"), advanced(nationalLathe, q1Direct, "110000"));
        List<Entry> nRobots = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            nRobots.add(team(nationalRobots, "NT0" + i, "000000", List.of(person("L3"), person("L4"), person("NONE"))));
        }
        Contest nationalContest = new Contest(national, "NATIONAL", "CLASS_I", "000000", 2026, List.of(
                new Event(nationalLathe, "EMPLOYEE", "INDIVIDUAL", 1, nLathe), new Event(nationalRobots, "EMPLOYEE", "TEAM", 3, nRobots)));
        finalizeContest(national, nationalContest.events());
        check(nationalContest);

        // WorldSkills (recorded).
        long world = season.contest("第48届世界技能大赛", "WORLD", "000000", null, 0, 2026, "CLASS_I");
        long worldLathe = season.event(world, "6-18-01-01", "车工", "EMPLOYEE", "INDIVIDUAL", null, null);
        season.move(world, "open");
        List<Entry> ws = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            ws.add(individual(worldLathe, "WS0" + i, "000000", person(i == 2 ? "L1" : "L3")));
        }
        Contest worldContest = new Contest(world, "WORLD", "CLASS_I", "000000", 2026, List.of(new Event(worldLathe, "EMPLOYEE", "INDIVIDUAL", 1, ws)));
        finalizeContest(world, worldContest.events());
        check(worldContest);

        assertThat(season.move(district, "finalize").getString("status")).as("finalizing again issues nothing").isEqualTo("FINAL");
        assertThat(season.get("/api/v1/contests/" + district + "/entitlements").getJsonArray("items")).hasSize(8);
        assertThat(season.get("/api/v1/audit/verify").getBoolean("ok")).isTrue();
    }

    private static JsonObject rowOf(long contest, long entryId) {
        return season.get("/api/v1/contests/" + contest + "/entitlements").getJsonArray("items").stream().map(JsonObject.class::cast)
                .filter(i -> i.getLong("entryId") == entryId).findFirst().orElseThrow();
    }

    /** Compares every row of the contest with the expected one, certificate numbers included. */
    private static void check(Contest contest) {
        JsonArray items = season.get("/api/v1/contests/" + contest.id() + "/entitlements").getJsonArray("items");
        Map<String, Integer> sequences = new HashMap<>();
        Map<String, long[]> byPayer = new HashMap<>();
        int row = 0;
        for (Event event : contest.events()) {
            for (int r = 0; r < event.byRank().size(); r++) {
                Entry entry = event.byRank().get(r);
                Placing placing = new Placing(contest.tier(), contest.category(), CITY_NAMES.get(contest.region()), contest.year(),
                        event.group(), event.mode(), event.teamSize(), event.byRank().size(), r + 1);
                long[][] cash = ExpectedEntitlements.cash(contest.tier(), ExpectedEntitlements.prize(r + 1, event.byRank().size()),
                        entry.homeRegion(), entry.members().size(), POLICIES);
                for (int m = 0; m < entry.members().size(); m++) {
                    Person person = entry.members().get(m);
                    Expected expected = rules.expect(placing, person.idNumber(), person.level());
                    JsonObject actual = items.getJsonObject(row++);
                    String where = contest.tier() + " #" + contest.id() + " " + entry.bib() + " member " + m;
                    assertThat(actual.getLong("entryId")).as(where).isEqualTo(entry.id());
                    assertThat(actual.getString("idNumber")).as(where).isEqualTo(person.idNumber());
                    assertThat(actual.getInteger("rank")).as(where).isEqualTo(r + 1);
                    assertThat(actual.getString("prize")).as(where + " prize").isEqualTo(expected.prize());
                    assertThat(actual.getString("levelAwarded")).as(where + " level").isEqualTo(expected.level());
                    assertThat(actual.getString("levelReason")).as(where + " reason").isEqualTo(expected.reason());
                    assertThat(actual.getString("title")).as(where + " title").isEqualTo(expected.title());
                    assertThat(actual.getLong("individualAward")).as(where + " individual award").isEqualTo(cash[m][0]);
                    assertThat(actual.getLong("unitAward")).as(where + " unit award").isEqualTo(cash[m][1]);
                    assertThat(actual.getString("unit")).as(where + " unit").isEqualTo(cash[m][1] > 0 ? entry.members().getFirst().unit() : null);
                    assertThat(actual.getString("certificateNo")).as(where + " certificate")
                            .isEqualTo(expected.level() == null ? null : number(contest, expected.level(), sequences));
                    sumByPayer(actual, byPayer);
                    rules.remember(person.idNumber(), expected.level(), contest.year());
                }
            }
        }
        assertThat(items).as("one row per ranked person").hasSize(row);
        checkPayerTotals(contest, byPayer);
        items.stream().map(JsonObject.class::cast).filter(i -> i.getString("certificateNo") != null).forEach(i -> {
            JsonObject certificate = season.get("/api/v1/certificates/" + i.getString("certificateNo"));
            assertThat(certificate.getString("level")).isEqualTo(i.getString("levelAwarded"));
            assertThat(certificate.getString("idNumber")).isEqualTo(i.getString("idNumber"));
            assertThat(certificate.getString("status")).isEqualTo("VALID");
        });
    }

    /** S, org 0001, province, site (contest id), year, level digit, sequence from 000001 per prefix, in row order. */
    private static String number(Contest contest, String level, Map<String, Integer> sequences) {
        String prefix = String.format(Locale.ROOT, "S0001%s%06d%02d%d", contest.region().substring(0, 2), contest.id(),
                contest.year() % 100, 6 - List.of("NONE", "L5", "L4", "L3", "L2", "L1").indexOf(level));
        int sequence = sequences.merge(prefix, 1, Integer::sum);
        return prefix + String.format(Locale.ROOT, "%06d", sequence);
    }

    private static void sumByPayer(JsonObject row, Map<String, long[]> byPayer) {
        long individual = 0;
        long unit = 0;
        for (Object a : row.getJsonArray("awards")) {
            JsonObject award = (JsonObject) a;
            long[] sum = byPayer.computeIfAbsent(award.getString("payerRegionCode"), k -> new long[2]);
            sum[0] += award.getLong("individual");
            sum[1] += award.getLong("unit");
            individual += award.getLong("individual");
            unit += award.getLong("unit");
        }
        assertThat(row.getLong("individualAward")).as("individualAward is the sum over awards").isEqualTo(individual);
        assertThat(row.getLong("unitAward")).as("unitAward is the sum over awards").isEqualTo(unit);
    }

    /** What each paying region pays in the contest: its medal amounts for each entry whose home region it covers. */
    private static void checkPayerTotals(Contest contest, Map<String, long[]> byPayer) {
        for (Policy policy : POLICIES.stream().filter(p -> p.tier().equals(contest.tier())).toList()) {
            long[] expected = new long[2];
            for (Event event : contest.events()) {
                for (int r = 0; r < event.byRank().size() && r < 3; r++) {
                    if (policy.paysFor().contains(event.byRank().get(r).homeRegion())) {
                        expected[0] += r == 0 ? policy.gold() : r == 1 ? policy.silver() : policy.bronze();
                        expected[1] += policy.unit();
                    }
                }
            }
            assertThat(byPayer.getOrDefault(policy.payer(), new long[2])).as("paid by " + policy.payer() + " in #" + contest.id())
                    .containsExactly(expected);
        }
    }
}
