package org.craftmark.server.pipeline;

import org.craftmark.server.testing.OnH2;
import io.vertx.core.json.JsonObject;
import org.craftmark.server.testing.Api;
import org.craftmark.server.testing.Season;
import org.craftmark.server.testing.SeasonOverHttp;
import org.craftmark.server.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.craftmark.server.testing.SeasonOverHttp.ok;

/** A person's history across contests: who may look (ADMIN, organizers and HR in scope), and what 400/404 mean. */
@DisplayName("A person's history")
class PersonHistoryTest extends OnH2 {
    private static final String PERSON = Season.idNumber(5501);

    @BeforeAll
    static void season() {
        long city = season.contest("2026 北京市职业技能大赛", "CITY", "110000", null, 0);
        long cityEvent = season.event(city, "6-18-01-01", "车工", 3, null);
        long district = season.contest("2026 通州区职业技能大赛", "DISTRICT", "110112", city, 0);
        long event = season.event(district, "6-18-01-01", "车工", 3, null);
        season.move(city, "open");
        season.move(district, "open");
        long entry = season.enter(event, "T01", "张伟", PERSON, "北京现代");
        season.enter(event, "T02", "李娜", Season.idNumber(5502), "首钢");
        season.seat(event, season.judge("ph-chief"), "CHIEF");
        season.move(district, "start");
        season.mark(event, "ph-chief", Map.of(entry, 90));
        season.mark(event, "ph-chief", Map.of(season.get("/api/v1/events/" + event + "/entries").getJsonArray("items").getJsonObject(1)
                .getLong("id"), 80));
        season.lock(event, "ph-chief");
        season.move(district, "publish");
        season.move(district, "finalize");
        season.advance(district);
        assertThat(season.get("/api/v1/events/" + cityEvent + "/entries").getJsonArray("items")).hasSize(2);
        user("ph-hr-tz", "HR", "110112");
        user("ph-hr-cy", "HR", "110105");
        user("ph-org-bj", "ORGANIZER", "110000");
    }

    private static void user(String username, String role, String region) {
        ok(201, season.post("/api/v1/users", new JsonObject().put("username", username).put("password", "secret-pw")
                .put("role", role).put("displayName", username).put("regionCode", region)));
    }

    private static Api.Response history(String idNumber, String username, String password) {
        return season.api().get("/api/v1/persons/" + idNumber + "/history", season.api().token(username, password));
    }

    @Test
    @DisplayName("every entry, oldest first, with the published rank and prize and how the person got there")
    void historyListsEveryEntry() {
        JsonObject history = ok(200, history(PERSON, "admin", TestServer.ADMIN_PASSWORD));

        assertThat(history.getString("name")).isEqualTo("张伟");
        assertThat(history.getString("idNumber")).isEqualTo(PERSON);
        JsonObject district = history.getJsonArray("items").getJsonObject(0);
        JsonObject city = history.getJsonArray("items").getJsonObject(1);
        assertThat(district.getString("tier")).isEqualTo("DISTRICT");
        assertThat(district.getInteger("rank")).isEqualTo(1);
        assertThat(district.getString("prize")).isEqualTo("GOLD");
        assertThat(district.getValue("total").toString()).isEqualTo("90");
        assertThat(district.getValue("source")).isNull();
        JsonObject granted = district.getJsonObject("entitlement");
        assertThat(granted.getString("levelAwarded")).as("rank 1 of a district, L4 before").isEqualTo("L3");
        assertThat(granted.getString("certificateNo")).startsWith("S0001").hasSize(22);
        assertThat(granted.getString("certificateStatus")).isEqualTo("VALID");
        assertThat(city.getString("tier")).isEqualTo("CITY");
        assertThat(city.getString("bib")).isEqualTo("110112-T01");
        assertThat(city.getValue("rank")).as("not yet published").isNull();
        assertThat(city.getValue("entitlement")).as("not yet FINAL").isNull();
        assertThat(city.getJsonObject("source")).isEqualTo(new JsonObject().put("entryId", district.getLong("entryId")).put("rank", 1));
    }

    @Test
    @DisplayName("HR and organizers see the entries of their region by contest or home region; others get 404, judges 403")
    void historyIsScoped() {
        assertThat(ok(200, history(PERSON, "ph-hr-tz", "secret-pw")).getJsonArray("items")).hasSize(2);
        assertThat(ok(200, history(PERSON, "ph-org-bj", "secret-pw")).getJsonArray("items")).hasSize(2);
        assertThat(history(PERSON, "ph-hr-cy", "secret-pw").status()).isEqualTo(404);
        assertThat(history(PERSON, "ph-chief", SeasonOverHttp.JUDGE_PASSWORD).status()).isEqualTo(403);
        assertThat(season.api().get("/api/v1/persons/" + PERSON + "/history", null).status()).isEqualTo(401);
    }

    @Test
    @DisplayName("a malformed ID number is 400; a valid one nobody registered is 404; lower-case x is accepted")
    void badAndUnknownNumbers() {
        Api.Response malformed = history("11010519491231002", "admin", TestServer.ADMIN_PASSWORD);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(history(Season.idNumber(5999), "admin", TestServer.ADMIN_PASSWORD).status()).isEqualTo(404);
        assertThat(history("11010519491231002x", "admin", TestServer.ADMIN_PASSWORD).status()).isIn(200, 404);
    }
}
