package org.craftmark.server.certificates;

import io.vertx.core.json.JsonObject;
import org.craftmark.server.testing.Api;
import org.craftmark.server.testing.OnEveryBackend;
import org.craftmark.server.testing.Season;
import org.craftmark.server.testing.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Award policies: whole yuan ≥ 0 per medal and unit, known tiers; set by ADMIN or the region's organizer. */
@DisplayName("Award policies")
class AwardPolicyTest extends OnEveryBackend {
    private static final String PATH = "/api/v1/regions/110112/award-policy";
    private String admin;

    @BeforeEach
    void regions() {
        admin = api.token("admin", TestServer.ADMIN_PASSWORD);
        var known = api.get("/api/v1/regions", admin).json().getJsonArray("items").stream().map(r -> ((JsonObject) r).getString("code")).toList();
        for (JsonObject region : List.of(Season.region("000000", "全国", "NATION", null), Season.region("110000", "北京市", "CITY", "000000"),
                Season.region("110112", "通州区", "DISTRICT", "110000"), Season.region("110105", "朝阳区", "DISTRICT", "110000"))) {
            if (!known.contains(region.getString("code"))) {
                api.post("/api/v1/regions", region, admin);
            }
        }
    }

    private static JsonObject tiers(String tiersJson) {
        return new JsonObject().put("tiers", new JsonObject(tiersJson));
    }

    @Test
    void theTongzhouPlanIsSetAndReadBack() {
        JsonObject plan = tiers("{\"WORLD\":{\"GOLD\":300000,\"SILVER\":180000,\"BRONZE\":120000,\"unit\":100000},"
                + "\"CITY\":{\"GOLD\":100000,\"SILVER\":50000,\"BRONZE\":30000,\"unit\":50000}}");

        Api.Response set = api.put(PATH, plan, admin);

        assertThat(set.status()).as(set.body()).isEqualTo(200);
        JsonObject read = api.get(PATH, admin).json();
        assertThat(read.getString("regionCode")).isEqualTo("110112");
        assertThat(read.getJsonObject("tiers").getJsonObject("CITY").getLong("unit")).isEqualTo(50000);
        assertThat(read.getJsonObject("tiers").fieldNames()).containsExactlyInAnyOrder("WORLD", "CITY");
        assertThat(api.put(PATH, tiers("{}"), admin).json().getJsonObject("tiers").fieldNames()).as("replaced by none").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a negative amount | {\"CITY\":{\"GOLD\":-1,\"SILVER\":0,\"BRONZE\":0,\"unit\":0}} | VALIDATION_FAILED | tiers.CITY.GOLD",
            "an unknown tier | {\"PROVINCE\":{\"GOLD\":1,\"SILVER\":0,\"BRONZE\":0,\"unit\":0}} | VALIDATION_FAILED | tiers.PROVINCE",
            "a missing amount | {\"CITY\":{\"GOLD\":1,\"SILVER\":0,\"BRONZE\":0}} | VALIDATION_FAILED | tiers.CITY.unit",
            "a misspelt amount | {\"CITY\":{\"GOLD\":1,\"SILVER\":0,\"BRONZE\":0,\"unit\":0,\"gold\":5}} | VALIDATION_FAILED | tiers.CITY.gold",
            "fen instead of yuan | {\"CITY\":{\"GOLD\":1.5,\"SILVER\":0,\"BRONZE\":0,\"unit\":0}} | MALFORMED | tiers.CITY.GOLD",
            "an amount as text | {\"CITY\":{\"GOLD\":\"100\",\"SILVER\":0,\"BRONZE\":0,\"unit\":0}} | MALFORMED | tiers.CITY.GOLD",
            "a tier that is not an object | {\"CITY\":5} | MALFORMED | tiers.CITY"})
    void badPoliciesAreRefusedAndChangeNothing(String what, String tiersJson, String code, String field) {
        String before = api.get(PATH, admin).body();

        Api.Response refused = api.put(PATH, tiers(tiersJson), admin);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo(code);
        assertThat(refused.json().getJsonObject("error").getJsonArray("details").stream().map(d -> ((JsonObject) d).getString("field")))
                .contains(field);
        assertThat(api.get(PATH, admin).body()).isEqualTo(before);
    }

    @Test
    void onlyAdminOrTheRegionsOrganizerSetsIt() {
        api.post("/api/v1/users", new JsonObject().put("username", "ap-org-cy-" + backend).put("password", "org-pass-1").put("role", "ORGANIZER")
                .put("displayName", "朝阳").put("regionCode", "110105"), admin);
        api.post("/api/v1/users", new JsonObject().put("username", "ap-org-bj-" + backend).put("password", "org-pass-1").put("role", "ORGANIZER")
                .put("displayName", "北京").put("regionCode", "110000"), admin);
        JsonObject plan = tiers("{\"CITY\":{\"GOLD\":1,\"SILVER\":0,\"BRONZE\":0,\"unit\":0}}");

        assertThat(api.put(PATH, plan, api.token("ap-org-cy-" + backend, "org-pass-1")).status()).isEqualTo(403);
        assertThat(api.put(PATH, plan, api.token("ap-org-bj-" + backend, "org-pass-1")).status()).as("the city contains 通州").isEqualTo(200);
        assertThat(api.put("/api/v1/regions/999999/award-policy", plan, admin).status()).isEqualTo(404);
        assertThat(api.get(PATH, null).status()).isEqualTo(401);
    }
}
