package org.craftmark.server.setup;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.craftmark.server.testing.Api;
import org.craftmark.server.testing.OnEveryBackend;
import org.craftmark.server.testing.TestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.craftmark.server.testing.Season.competitor;
import static org.craftmark.server.testing.Season.contest;
import static org.craftmark.server.testing.Season.idNumber;
import static org.craftmark.server.testing.Season.individualEntry;
import static org.craftmark.server.testing.Season.individualEvent;
import static org.craftmark.server.testing.Season.region;
import static org.craftmark.server.testing.Season.teamEvent;

/** A three-tier season set up through HTTP only, as organizers would on the way to contest day. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("Setting up a season through the API")
class SeasonSetupApiTest extends OnEveryBackend {
    private static String admin;

    @BeforeParameterizedClassInvocation
    static void seed() {
        admin = api.token("admin", TestServer.ADMIN_PASSWORD);
    }

    @Test
    @Order(1)
    void theWholeSeasonIsSetUpByItsOrganizers() {
        created(api.post("/api/v1/regions", region("000000", "全国", "NATION", null), admin));
        created(api.post("/api/v1/regions", region("110000", "北京市", "CITY", "000000"), admin));
        created(api.post("/api/v1/regions", region("110112", "通州区", "DISTRICT", "110000"), admin));
        created(api.post("/api/v1/regions", region("110105", "朝阳区", "DISTRICT", "110000"), admin));
        user("bj-org", "ORGANIZER", "110000");
        user("tz-org", "ORGANIZER", "110112");
        String city = api.token("bj-org", "secret-pw");
        String district = api.token("tz-org", "secret-pw");

        long national = id(created(api.post("/api/v1/contests", contest("2026 全国职业技能大赛", "NATIONAL", "000000", null), admin)));
        long cityContest = id(created(api.post("/api/v1/contests", contest("2026 北京市职业技能大赛", "CITY", "110000", national), city)));
        JsonObject districtContest = created(api.post("/api/v1/contests", contest("2026 通州区职业技能大赛", "DISTRICT", "110112", cityContest), district));
        assertThat(districtContest.getString("status")).isEqualTo("DRAFT");
        assertThat(districtContest.getLong("feedsInto")).isEqualTo(cityContest);
        long tongzhou = id(districtContest);

        JsonObject lathe = created(api.post("/api/v1/contests/" + tongzhou + "/events", individualEvent("6-18-01-01", "车工"), district));
        assertThat(lathe.getBoolean("locked")).isFalse();
        assertThat(lathe.getJsonObject("scheme").getJsonArray("criteria")).hasSize(4);
        assertThat(lathe.getJsonObject("scheme").getJsonArray("criteria").getJsonObject(1).getInteger("trim")).isEqualTo(1);
        JsonObject robots = created(api.post("/api/v1/contests/" + tongzhou + "/events", teamEvent("6-30-99-00", "工业机器人系统操作员", 2), district));

        JsonObject entry = created(api.post("/api/v1/events/" + id(lathe) + "/entries",
                individualEntry("A01", competitor("张伟", idNumber(1), "北京现代汽车有限公司")), district));
        assertThat(entry.getString("homeRegionCode")).isEqualTo("110112");
        assertThat(entry.getString("status")).isEqualTo("ACTIVE");
        assertThat(entry.getValue("source")).isNull();
        assertThat(entry.getJsonObject("competitor").getString("idNumber")).isEqualTo(idNumber(1));

        Api.Response imported = api.postRaw("/api/v1/events/" + id(lathe) + "/entries:import",
                "\uFEFF" + org.craftmark.server.testing.Season.csv(100, 12), "text/csv", district);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().getInteger("imported")).isEqualTo(12);

        JsonObject team = created(api.post("/api/v1/events/" + id(robots) + "/entries", new JsonObject()
                .put("bib", "T01").put("teamName", "通州一队")
                .put("members", new JsonArray().add(competitor("李娜", idNumber(2), "首钢集团")).add(competitor("王芳", idNumber(3), "首钢集团"))), district));
        assertThat(team.getJsonArray("members")).hasSize(2);

        JsonObject judge = created(api.post("/api/v1/users", new JsonObject().put("username", "tz-judge1").put("password", "secret-pw")
                .put("role", "JUDGE").put("displayName", "裁判一").put("affiliation", "首钢集团"), district));
        JsonObject seat = created(api.post("/api/v1/events/" + id(lathe) + "/panel", new JsonObject()
                .put("userId", judge.getLong("id")).put("role", "JUDGE").put("criteria", new JsonArray().add("B1").add("B2")), district));
        assertThat(seat.getString("affiliation")).isEqualTo("首钢集团");

        assertThat(ok(api.post("/api/v1/contests/" + tongzhou + "/open", new JsonObject(), district)).getString("status")).isEqualTo("OPEN");
        assertThat(ok(api.post("/api/v1/contests/" + tongzhou + "/open", new JsonObject(), district)).getString("status")).as("repeat").isEqualTo("OPEN");
        assertThat(ok(api.post("/api/v1/contests/" + tongzhou + "/start", new JsonObject(), district)).getString("status")).isEqualTo("RUNNING");

        JsonArray entries = ok(api.get("/api/v1/events/" + id(lathe) + "/entries", district)).getJsonArray("items");
        assertThat(entries).hasSize(13);
        assertThat(ok(api.get("/api/v1/events/" + id(lathe) + "/panel", district)).getJsonArray("items")).hasSize(1);
        // The public reads name, tier, region, year, status and the notice period (公示 is public), not the setup.
        assertThat(ok(api.get("/api/v1/contests/" + tongzhou, null)).fieldNames())
                .contains("regionCode", "status", "publishedAt", "noticeEndsAt", "resultsVersion")
                .doesNotContain("feedsInto", "visibility");
    }

    @Test
    @Order(2)
    void aStartedContestTakesNoMoreEntriesOrEvents() {
        String district = api.token("tz-org", "secret-pw");
        long tongzhou = contestNamed("2026 通州区职业技能大赛");
        long lathe = ok(api.get("/api/v1/contests/" + tongzhou + "/events", district)).getJsonArray("items").getJsonObject(0).getLong("id");

        Api.Response late = api.post("/api/v1/events/" + lathe + "/entries", individualEntry("Z99", competitor("迟到", idNumber(900), "x")), district);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.errorCode()).isEqualTo("WRONG_STATE");

        Api.Response event = api.post("/api/v1/contests/" + tongzhou + "/events", individualEvent("6-18-01-02", "铣工"), district);
        assertThat(event.status()).isEqualTo(409);

        Api.Response reopen = api.post("/api/v1/contests/" + tongzhou + "/open", new JsonObject(), district);
        assertThat(reopen.status()).isEqualTo(409);
        assertThat(reopen.errorCode()).isEqualTo("WRONG_STATE");
    }

    @Test
    @Order(3)
    void statusAndCompletionTimeAreRecordedOnContestDay() {
        String district = api.token("tz-org", "secret-pw");
        long tongzhou = contestNamed("2026 通州区职业技能大赛");
        long lathe = ok(api.get("/api/v1/contests/" + tongzhou + "/events", district)).getJsonArray("items").getJsonObject(0).getLong("id");
        long entry = ok(api.get("/api/v1/events/" + lathe + "/entries", district)).getJsonArray("items").getJsonObject(0).getLong("id");

        JsonObject dq = ok(api.post("/api/v1/entries/" + entry + "/status", new JsonObject().put("status", "DQ").put("reason", "违规操作"), district));
        assertThat(dq.getString("status")).isEqualTo("DQ");
        Api.Response noReason = api.post("/api/v1/entries/" + entry + "/status", new JsonObject().put("status", "DNS"), district);
        assertThat(noReason.status()).isEqualTo(400);

        JsonObject timed = ok(api.put("/api/v1/entries/" + entry + "/time", new JsonObject().put("seconds", 5400), district));
        assertThat(timed.getInteger("completionSeconds")).isEqualTo(5400);
    }

    private static long contestNamed(String name) {
        return ok(api.get("/api/v1/contests", admin)).getJsonArray("items").stream().map(JsonObject.class::cast)
                .filter(c -> name.equals(c.getString("name"))).findFirst().orElseThrow().getLong("id");
    }

    private static void user(String username, String role, String region) {
        created(api.post("/api/v1/users", new JsonObject().put("username", username).put("password", "secret-pw")
                .put("role", role).put("displayName", username).put("regionCode", region), admin));
    }

    static JsonObject created(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    static JsonObject ok(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    static long id(JsonObject resource) {
        return resource.getLong("id");
    }
}
