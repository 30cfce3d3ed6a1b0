package org.craftmark.server.testing;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sets up and runs contests through the public API only — HTTP for the organizer, the judges'
 * WebSocket for marks — as the pipeline tests need: every event has one criterion {@code A1}
 * (0–100, SINGLE), so an entry's total is the one mark its judge gives.
 */
public final class SeasonOverHttp {
    public static final String JUDGE_PASSWORD = "judge-pw-1";

    private final Api api;
    private final Vertx vertx;
    private String admin;

    public SeasonOverHttp(TestServer server, Vertx vertx) {
        this(server.api(), vertx);
    }

    private SeasonOverHttp(Api api, Vertx vertx) {
        this.api = api;
        this.vertx = vertx;
        this.admin = api.token("admin", TestServer.ADMIN_PASSWORD);
    }

    /**
     * Over any server's API, e.g. one in a process of its own ({@link ServerProcess}); without a
     * Vert.x of the test's, so no judges' sockets: marking is {@link #record}ed results only.
     */
    public static SeasonOverHttp over(Api api) {
        return new SeasonOverHttp(api, null);
    }

    public Api api() {
        return api;
    }

    public String admin() {
        return admin;
    }

    /** Signs ADMIN in again: tokens expire after 12 hours, so a test that moves the clock by days needs a new one. */
    public void signInAgain() {
        admin = api.token("admin", TestServer.ADMIN_PASSWORD);
    }

    /** The nation, 北京市 with 通州区 and 朝阳区, and 天津市 with 和平区 (each created once). */
    public void regions() {
        List<JsonObject> regions = List.of(Season.region("000000", "全国", "NATION", null),
                Season.region("110000", "北京市", "CITY", "000000"),
                Season.region("110112", "通州区", "DISTRICT", "110000"),
                Season.region("110105", "朝阳区", "DISTRICT", "110000"),
                Season.region("120000", "天津市", "CITY", "000000"),
                Season.region("120101", "和平区", "DISTRICT", "120000"));
        var known = api.get("/api/v1/regions", admin).json().getJsonArray("items").stream()
                .map(r -> ((JsonObject) r).getString("code")).toList();
        regions.stream().filter(r -> !known.contains(r.getString("code"))).forEach(r -> ok(201, post("/api/v1/regions", r)));
    }

    public long contest(String name, String tier, String region, Long feedsInto, int noticeDays) {
        JsonObject body = Season.contest(name, tier, region, feedsInto).put("noticeDays", noticeDays).put("visibility", "LIVE");
        return ok(201, post("/api/v1/contests", body)).getLong("id");
    }

    /** A contest of any year and category, results visible live. */
    public long contest(String name, String tier, String region, Long feedsInto, int noticeDays, int year, String category) {
        JsonObject body = Season.contest(name, tier, region, feedsInto).put("noticeDays", noticeDays).put("visibility", "LIVE")
                .put("year", year).put("category", category);
        return ok(201, post("/api/v1/contests", body)).getLong("id");
    }

    /** An event of any group and mode (teamSize for TEAM) with the one-criterion scheme. */
    public long event(long contest, String occupationCode, String occupationName, String group, String mode, Integer teamSize,
                      Integer quota) {
        JsonObject scheme = new JsonObject().put("criteria", new JsonArray()
                .add(Season.criterion("A1", "A", "MEASUREMENT", 100, "SINGLE", 1))).put("tieBreak", new JsonArray());
        JsonObject body = new JsonObject().put("occupationCode", occupationCode).put("occupationName", occupationName)
                .put("group", group).put("mode", mode).put("teamSize", teamSize).put("advanceQuota", quota).put("scheme", scheme);
        return ok(201, post("/api/v1/contests/" + contest + "/events", body)).getLong("id");
    }

    /** A competitor as registered: employer, training unit and current level given. */
    public static JsonObject competitor(String name, String idNumber, String employer, String trainingUnit, String level) {
        return new JsonObject().put("name", name).put("idNumber", idNumber).put("employer", employer)
                .put("trainingUnit", trainingUnit).put("currentLevel", level);
    }

    public long enter(long event, String bib, JsonObject competitor) {
        return ok(201, post("/api/v1/events/" + event + "/entries", new JsonObject().put("bib", bib).put("competitor", competitor)))
                .getLong("id");
    }

    public long enterTeam(long event, String bib, String teamName, List<JsonObject> members) {
        return ok(201, post("/api/v1/events/" + event + "/entries", new JsonObject().put("bib", bib).put("teamName", teamName)
                .put("members", new JsonArray(new ArrayList<>(members))))).getLong("id");
    }

    /** Registers the competitors of a CSV file ({@link Season#csv}); answers how many were imported. */
    public int importCsv(long event, String csv) {
        return ok(200, api.postRaw("/api/v1/events/" + event + "/entries:import", csv, "text/csv", admin)).getInteger("imported");
    }

    /** The event's entry ids by bib, in bib order. */
    public Map<String, Long> entriesByBib(long event) {
        Map<String, Long> byBib = new TreeMap<>();
        get("/api/v1/events/" + event + "/entries").getJsonArray("items").stream().map(JsonObject.class::cast)
                .forEach(e -> byBib.put(e.getString("bib"), e.getLong("id")));
        return byBib;
    }

    /** Recorded results (a contest run elsewhere): entry id → rank; ranks and locks the event. */
    public void record(long event, Map<Long, Integer> ranks) {
        JsonArray results = new JsonArray();
        ranks.forEach((entry, rank) -> results.add(new JsonObject().put("entryId", entry).put("rank", rank)));
        ok(200, post("/api/v1/events/" + event + "/results:import", new JsonObject().put("results", results)));
    }

    /** An individual EMPLOYEE event with the one-criterion scheme. */
    public long event(long contest, String occupationCode, String occupationName, Integer quota, Number minScore) {
        JsonObject scheme = new JsonObject().put("criteria", new JsonArray()
                .add(Season.criterion("A1", "A", "MEASUREMENT", 100, "SINGLE", 1))).put("tieBreak", new JsonArray());
        JsonObject body = new JsonObject().put("occupationCode", occupationCode).put("occupationName", occupationName)
                .put("group", "EMPLOYEE").put("mode", "INDIVIDUAL").put("advanceQuota", quota).put("advanceMinScore", minScore)
                .put("scheme", scheme);
        return ok(201, post("/api/v1/contests/" + contest + "/events", body)).getLong("id");
    }

    public long enter(long event, String bib, String name, String idNumber, String employer) {
        JsonObject competitor = Season.competitor(name, idNumber, employer);
        return ok(201, post("/api/v1/events/" + event + "/entries", Season.individualEntry(bib, competitor))).getLong("id");
    }

    /** A JUDGE user from a unit no competitor comes from. */
    public long judge(String username) {
        JsonObject body = new JsonObject().put("username", username).put("password", JUDGE_PASSWORD).put("role", "JUDGE")
                .put("displayName", username).put("affiliation", "裁判单位-" + username);
        return ok(201, post("/api/v1/users", body)).getLong("id");
    }

    public void seat(long event, long userId, String role) {
        ok(201, post("/api/v1/events/" + event + "/panel", new JsonObject().put("userId", userId).put("role", role)));
    }

    /** {@code open}, {@code start}, {@code publish}, {@code finalize}: answers the contest. */
    public JsonObject move(long contest, String action) {
        return ok(200, post("/api/v1/contests/" + contest + "/" + action, new JsonObject()));
    }

    public JsonObject advance(long contest) {
        return ok(200, post("/api/v1/contests/" + contest + "/advance", new JsonObject()));
    }

    /** The judge marks A1 of each entry over {@code /ws/judge}; every mark must be ACCEPTED. */
    public void mark(long event, String judge, Map<Long, ? extends Number> valuesByEntry) {
        Objects.requireNonNull(vertx, "marking over the judges' socket needs the test's Vert.x");
        try (JudgeSocket socket = JudgeSocket.connect(vertx, api, judge, JUDGE_PASSWORD)) {
            socket.send(new JsonObject().put("type", "hello").put("deviceId", "tablet-" + judge));
            socket.next("assignments");
            List<JsonObject> marks = new ArrayList<>();
            valuesByEntry.forEach((entry, value) -> marks.add(new JsonObject().put("type", "mark")
                    .put("clientMarkId", UUID.randomUUID().toString()).put("eventId", event).put("entryId", entry)
                    .put("criterion", "A1").put("value", value)));
            assertThat(socket.markAllPaced(marks)).extracting(a -> a.getString("status")).containsOnly("ACCEPTED");
        }
    }

    public void lock(long event, String chief) {
        ok(200, api.post("/api/v1/events/" + event + "/lock", new JsonObject(), api.token(chief, JUDGE_PASSWORD)));
    }

    public Api.Response post(String path, JsonObject body) {
        return api.post(path, body, admin);
    }

    public JsonObject get(String path) {
        return ok(200, api.get(path, admin));
    }

    /** Requires the status; answers the body. */
    public static JsonObject ok(int status, Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        return response.json();
    }
}
