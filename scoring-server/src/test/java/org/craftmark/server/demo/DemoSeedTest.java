package org.craftmark.server.demo;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.craftmark.server.testing.Api;
import org.craftmark.server.testing.OnEveryBackend;
import org.craftmark.server.testing.TestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;

import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The demo season")
class DemoSeedTest extends OnEveryBackend {
    private static String admin;

    @BeforeParameterizedClassInvocation
    static void seed() {
        new DemoSeed(server.app().services(), Clock.systemUTC()).seed();
        new DemoSeed(server.app().services(), Clock.systemUTC()).seed();
        admin = api.token("admin", TestServer.ADMIN_PASSWORD);
    }

    @Test
    void seedsThreeTiersLinkedByFeedsIntoOnceOnly() {
        List<JsonObject> contests = items("/api/v1/contests");

        assertThat(contests).extracting(c -> c.getString("tier")).containsExactly("NATIONAL", "CITY", "DISTRICT", "DISTRICT");
        long national = contests.get(0).getLong("id");
        long city = contests.get(1).getLong("id");
        assertThat(contests.get(1).getLong("feedsInto")).isEqualTo(national);
        assertThat(contests.subList(2, 4)).allSatisfy(d -> {
            assertThat(d.getLong("feedsInto")).isEqualTo(city);
            assertThat(d.getString("status")).isEqualTo("RUNNING");
        });
    }

    @Test
    void districtEventsHaveTwelveToTwentyEntriesAndAPanelOfFive() {
        for (JsonObject contest : items("/api/v1/contests").subList(2, 4)) {
            List<JsonObject> events = items("/api/v1/contests/" + contest.getLong("id") + "/events");
            assertThat(events).extracting(e -> e.getString("mode")).containsExactly("INDIVIDUAL", "TEAM");
            for (JsonObject event : events) {
                assertThat(items("/api/v1/events/" + event.getLong("id") + "/entries")).hasSizeBetween(12, 20);
                List<JsonObject> panel = items("/api/v1/events/" + event.getLong("id") + "/panel");
                assertThat(panel).hasSize(5);
                assertThat(panel).filteredOn(p -> "CHIEF".equals(p.getString("role"))).hasSize(1);
            }
        }
    }

    @Test
    void someCompetitorsWorkWhereAJudgeWorks() {
        JsonObject contest = items("/api/v1/contests").get(2);
        long event = items("/api/v1/contests/" + contest.getLong("id") + "/events").getFirst().getLong("id");
        List<String> affiliations = items("/api/v1/events/" + event + "/panel").stream().map(p -> p.getString("affiliation")).toList();

        assertThat(items("/api/v1/events/" + event + "/entries"))
                .anyMatch(e -> affiliations.contains(e.getJsonObject("competitor").getString("employer"))
                        || affiliations.contains(e.getJsonObject("competitor").getString("trainingUnit")));
    }

    @Test
    void tongzhouPaysByTheDistrictPlan() {
        JsonObject tiers = api.get("/api/v1/regions/110112/award-policy", admin).json().getJsonObject("tiers");

        assertThat(tiers.getJsonObject("WORLD")).isEqualTo(new JsonObject().put("GOLD", 300000).put("SILVER", 180000)
                .put("BRONZE", 120000).put("unit", 100000));
        assertThat(tiers.getJsonObject("NATIONAL").getLong("unit")).isEqualTo(80000);
        assertThat(tiers.getJsonObject("CITY").getLong("GOLD")).isEqualTo(100000);
    }

    @Test
    void theAuditChainVerifiesAfterTheSeed() {
        JsonObject verify = api.get("/api/v1/audit/verify", admin).json();

        assertThat(verify.getBoolean("ok")).isTrue();
        assertThat(verify.getLong("entries")).isGreaterThan(50);
    }

    private static List<JsonObject> items(String path) {
        Api.Response response = api.get(path, admin);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonArray items = response.json().getJsonArray("items");
        return items.stream().map(JsonObject.class::cast).toList();
    }
}
