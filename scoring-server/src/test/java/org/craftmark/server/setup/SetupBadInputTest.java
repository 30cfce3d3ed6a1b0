package org.craftmark.server.setup;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.craftmark.server.testing.Api;
import org.craftmark.server.testing.Backend;
import org.craftmark.server.testing.Season;
import org.craftmark.server.testing.TestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.craftmark.server.testing.Season.competitor;
import static org.craftmark.server.testing.Season.contest;
import static org.craftmark.server.testing.Season.criterion;
import static org.craftmark.server.testing.Season.idNumber;
import static org.craftmark.server.testing.Season.individualEntry;
import static org.craftmark.server.testing.Season.individualEvent;

/**
 * Every bad request in the table gets 400, 404 or 409 with the contract's error shape — never a 500
 * — and leaves the season exactly as it was.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(Backend.class)
@DisplayName("Bad setup requests")
class SetupBadInputTest {
    @Parameter
    Backend backend;
    private static TestServer server;
    private static SetupFixture season;

    /** A bad request and the answer it must get. */
    record Bad(String why, String method, String path, Supplier<String> body, String contentType, int status, String code) {
        static Bad post(String why, String path, JsonObject body, int status, String code) {
            return new Bad(why, "POST", path, body::encode, "application/json", status, code);
        }

        static Bad postText(String why, String path, String body, String contentType, int status, String code) {
            return new Bad(why, "POST", path, () -> body, contentType, status, code);
        }
    }

    @BeforeParameterizedClassInvocation
    static void start(Backend backend) {
        server = TestServer.start(backend);
        season = new SetupFixture(server);
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static List<Bad> table() {
        String contests = "/api/v1/contests";
        String events = "/api/v1/contests/" + season.contest + "/events";
        String entries = "/api/v1/events/" + season.event + "/entries";
        String panel = "/api/v1/events/" + season.event + "/panel";
        JsonObject district = contest("bad", "DISTRICT", "110112", null);
        List<Bad> bad = new ArrayList<>(List.of(
                Bad.postText("contest: not JSON", contests, "{name:", "application/json", 400, "MALFORMED"),
                Bad.postText("contest: a JSON array", contests, "[]", "application/json", 400, "MALFORMED"),
                Bad.post("contest: year a string", contests, district.copy().put("year", "2026"), 400, "MALFORMED"),
                Bad.post("contest: name missing", contests, district.copy().putNull("name"), 400, "VALIDATION_FAILED"),
                Bad.post("contest: name too long", contests, district.copy().put("name", "赛".repeat(201)), 400, "VALIDATION_FAILED"),
                Bad.post("contest: unknown tier", contests, district.copy().put("tier", "PROVINCE"), 400, "VALIDATION_FAILED"),
                Bad.post("contest: unknown visibility", contests, district.copy().put("visibility", "SOMETIMES"), 400, "VALIDATION_FAILED"),
                Bad.post("contest: notice of 31 days", contests, district.copy().put("noticeDays", 31), 400, "VALIDATION_FAILED"),
                Bad.post("contest: tier not the region's level", contests, district.copy().put("regionCode", "110000"), 400, "VALIDATION_FAILED"),
                Bad.post("contest: unknown region", contests, district.copy().put("regionCode", "999999"), 400, "VALIDATION_FAILED"),
                Bad.post("contest: malformed region", contests, district.copy().put("regionCode", "abc"), 400, "VALIDATION_FAILED"),
                Bad.post("contest: feeds an unknown contest", contests, district.copy().put("feedsInto", 999_999), 400, "VALIDATION_FAILED"),
                Bad.post("contest: district feeds a district", contests, district.copy().put("feedsInto", season.contest), 400, "VALIDATION_FAILED"),
                Bad.post("contest: feedsInto a string", contests, district.copy().put("feedsInto", "x"), 400, "MALFORMED"),
                Bad.post("event: scheme missing", events, individualEvent("6-18-01-02", "铣工").copy().putNull("scheme"), 400, "VALIDATION_FAILED"),
                Bad.post("event: MEAN with one judge", events, eventWith(criterion("A1", "A", "MEASUREMENT", 10, "MEAN", 1)), 400, "VALIDATION_FAILED"),
                Bad.post("event: maxMark over 100", events, eventWith(criterion("A1", "A", "MEASUREMENT", 100.5, "SINGLE", 1)), 400, "VALIDATION_FAILED"),
                Bad.post("event: unknown method", events, eventWith(criterion("A1", "A", "MEASUREMENT", 10, "BEST_OF", 1)), 400, "VALIDATION_FAILED"),
                Bad.post("event: criterion a number", events, individualEvent("6-18-01-02", "铣工").copy()
                        .put("scheme", new JsonObject().put("criteria", new JsonArray().add(3))), 400, "MALFORMED"),
                Bad.post("event: tie-break on no module", events, individualEvent("6-18-01-02", "铣工").copy()
                        .put("scheme", Season.scheme().put("tieBreak", new JsonArray().add("MODULE:Z"))), 400, "VALIDATION_FAILED"),
                Bad.post("event: TEAM without teamSize", events, individualEvent("6-18-01-02", "铣工").copy().put("mode", "TEAM"), 400, "VALIDATION_FAILED"),
                Bad.post("event: bad occupation code", events, individualEvent("618-01", "铣工"), 400, "VALIDATION_FAILED"),
                Bad.post("event: unknown contest", "/api/v1/contests/999999/events", individualEvent("6-18-01-02", "铣工"), 404, "NOT_FOUND"),
                Bad.post("event: contest id not a number", "/api/v1/contests/abc/events", individualEvent("6-18-01-02", "铣工"), 404, "NOT_FOUND"),
                Bad.post("entry: wrong check digit", entries, entry("B01", idNumber(7).substring(0, 17) + wrongCheck(idNumber(7))), 400, "VALIDATION_FAILED"),
                Bad.post("entry: born in the future", entries, entry("B01", org.craftmark.core.people.ResidentId.withCheckCharacter("11010520991231001")), 400, "VALIDATION_FAILED"),
                Bad.post("entry: ID too short", entries, entry("B01", "1101051990"), 400, "VALIDATION_FAILED"),
                Bad.post("entry: unknown level", entries, individualEntry("B01", competitor("李四", idNumber(8), "x").put("currentLevel", "L9")), 400, "VALIDATION_FAILED"),
                Bad.post("entry: name missing", entries, individualEntry("B01", competitor("李四", idNumber(8), "x").putNull("name")), 400, "VALIDATION_FAILED"),
                Bad.post("entry: competitor a string", entries, new JsonObject().put("bib", "B01").put("competitor", "李四"), 400, "MALFORMED"),
                Bad.post("entry: bib taken", entries, entry("A01", idNumber(9)), 409, "DUPLICATE"),
                Bad.post("entry: person already entered", entries, entry("B02", idNumber(1)), 409, "DUPLICATE"),
                Bad.post("entry: unknown event", "/api/v1/events/999999/entries", entry("B01", idNumber(10)), 404, "NOT_FOUND"),
                Bad.postText("import: wrong header", entries + ":import", "bib,name\nX1,张三\n", "text/csv", 400, "VALIDATION_FAILED"),
                Bad.postText("import: not CSV", entries + ":import", Season.csv(500, 1), "application/json", 400, "MALFORMED"),
                Bad.postText("import: empty file", entries + ":import", "bib,name,idNumber,employer,trainingUnit,currentLevel\n", "text/csv", 400, "VALIDATION_FAILED"),
                Bad.post("panel: unknown user", panel, new JsonObject().put("userId", 999_999).put("role", "JUDGE"), 400, "VALIDATION_FAILED"),
                Bad.post("panel: HR user as judge", panel, new JsonObject().put("userId", season.hrId).put("role", "JUDGE"), 400, "VALIDATION_FAILED"),
                Bad.post("panel: unknown criterion", panel, new JsonObject().put("userId", season.judgeId).put("role", "CHIEF")
                        .put("criteria", new JsonArray().add("Z9")), 400, "VALIDATION_FAILED"),
                Bad.post("panel: unknown role", panel, new JsonObject().put("userId", season.judgeId).put("role", "BOSS"), 400, "VALIDATION_FAILED"),
                Bad.post("status: unknown status", "/api/v1/entries/" + season.entry + "/status", new JsonObject().put("status", "GONE"), 400, "VALIDATION_FAILED"),
                Bad.post("status: unknown entry", "/api/v1/entries/999999/status", new JsonObject().put("status", "ACTIVE"), 404, "NOT_FOUND"),
                new Bad("time: negative", "PUT", "/api/v1/entries/" + season.entry + "/time", () -> "{\"seconds\":-1}", "application/json", 400, "VALIDATION_FAILED"),
                new Bad("time: fractional", "PUT", "/api/v1/entries/" + season.entry + "/time", () -> "{\"seconds\":1.5}", "application/json", 400, "MALFORMED"),
                Bad.post("region: taken code", "/api/v1/regions", Season.region("110112", "重复", "DISTRICT", "110000"), 409, "DUPLICATE"),
                Bad.post("region: district under the nation", "/api/v1/regions", Season.region("110199", "错", "DISTRICT", "000000"), 400, "VALIDATION_FAILED")));
        return bad;
    }

    @Test
    void everyBadRequestIsAClearErrorAndChangesNothing() {
        String before = snapshot();
        List<String> failures = new ArrayList<>();
        for (Bad bad : table()) {
            Api.Response response = send(bad);
            if (response.status() != bad.status() || !isErrorShape(response) || !bad.code().equals(response.errorCode())) {
                failures.add(bad.why() + ": got " + response.status() + " " + response.body());
            }
        }
        assertThat(failures).isEmpty();
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aCsvWithBadRowsListsEveryOneAndImportsNone() {
        String csv = "bib,name,idNumber,employer,trainingUnit,currentLevel\n"
                + "C1,王五," + idNumber(20) + ",某厂,,L5\n"
                + "C2,赵六," + idNumber(21).substring(0, 17) + wrongCheck(idNumber(21)) + ",某厂,,L5\n"
                + "C3,," + idNumber(22) + ",某厂,,L5\n"
                + "C4,钱七," + idNumber(23) + ",某厂,,L7\n"
                + "C1,孙八," + idNumber(24) + ",某厂,,\n"
                + "C6,周九," + idNumber(20) + ",某厂,,\n"
                + "C7,吴十," + org.craftmark.core.people.ResidentId.withCheckCharacter("11010520991231001") + ",某厂,,\n";
        String before = snapshot();

        Api.Response response = season.api.postRaw("/api/v1/events/" + season.event + "/entries:import", csv, "text/csv", season.admin);

        assertThat(response.status()).isEqualTo(400);
        List<String> fields = response.json().getJsonObject("error").getJsonArray("details").stream()
                .map(d -> ((JsonObject) d).getString("field")).toList();
        assertThat(fields).contains("row 2: idNumber", "row 3: name", "row 4: currentLevel", "row 5: bib", "row 6: idNumber", "row 7: idNumber")
                .noneMatch(f -> f.startsWith("row 1:"));
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void fiveThousandRowsImportInOneRequest() {
        long event = SeasonSetupApiTest.id(SeasonSetupApiTest.created(season.api.post("/api/v1/contests/" + season.contest + "/events",
                individualEvent("6-18-01-03", "钳工"), season.admin)));

        Api.Response response = season.api.postRaw("/api/v1/events/" + event + "/entries:import", Season.csv(10_000, 5_000), "text/csv", season.admin);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().getInteger("imported")).isEqualTo(5_000);
        assertThat(season.api.get("/api/v1/events/" + event + "/entries", season.admin).json().getJsonArray("items")).hasSize(5_000);
    }

    private static JsonObject eventWith(JsonObject criterion) {
        return individualEvent("6-18-01-02", "铣工").put("scheme", new JsonObject()
                .put("criteria", new JsonArray().add(criterion)).put("tieBreak", new JsonArray()));
    }

    private static JsonObject entry(String bib, String idNumber) {
        return individualEntry(bib, competitor("李四", idNumber, "某厂"));
    }

    private static char wrongCheck(String idNumber) {
        return idNumber.charAt(17) == '0' ? '1' : '0';
    }

    private static boolean isErrorShape(Api.Response response) {
        JsonObject error = response.json().getJsonObject("error");
        return error != null && error.getString("code") != null && error.getString("message") != null && error.getJsonArray("details") != null;
    }

    /** Everything the table could have changed, as the API shows it. */
    private static String snapshot() {
        Api api = season.api;
        return api.get("/api/v1/regions", null).body()
                + api.get("/api/v1/contests", season.admin).body()
                + api.get("/api/v1/contests/" + season.contest + "/events", season.admin).body()
                + api.get("/api/v1/events/" + season.event + "/entries", season.admin).body()
                + api.get("/api/v1/events/" + season.event + "/panel", season.admin).body();
    }

    private static Api.Response send(Bad bad) {
        return switch (bad.method()) {
            case "PUT" -> season.api.put(bad.path(), new JsonObject(bad.body().get()), season.admin);
            default -> season.api.postRaw(bad.path(), bad.body().get(), bad.contentType(), season.admin);
        };
    }
}
