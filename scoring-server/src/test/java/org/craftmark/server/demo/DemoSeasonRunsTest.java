package org.craftmark.server.demo;

import org.craftmark.server.testing.OnH2;
import io.vertx.core.json.JsonObject;
import org.craftmark.server.testing.TestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code demo --simulate} runs the whole season: districts mark, publish, finalize and advance; the city then marks and publishes. */
@DisplayName("The simulated demo season")
class DemoSeasonRunsTest extends OnH2 {
    private static final int MAX_STEPS = 20_000;

    @Test
    void theSeasonRunsFromTheDistrictsToThePublishedCityResults() {
        // A small field (4–5 entries an event) keeps the season short; the steps are the demo's own.
        DemoSeed.Logins logins = new DemoSeed(server.app().services(), Clock.systemUTC(), new DemoSeed.FieldSize(4, 5)).seed();
        DemoSimulation season = new DemoSimulation(server.app().services(), server.app().database(), DemoSeed.PANEL);

        int steps = 0;
        while (season.step()) {
            steps++;
            assertThat(steps).as("the season ends").isLessThan(MAX_STEPS);
        }

        String admin = server.api().token("admin", TestServer.ADMIN_PASSWORD);
        List<JsonObject> contests = server.api().get("/api/v1/contests", admin).json().getJsonArray("items").stream()
                .map(JsonObject.class::cast).toList();
        assertThat(contests).filteredOn(c -> c.getString("tier").equals("DISTRICT"))
                .allSatisfy(d -> {
                    assertThat(d.getString("status")).isEqualTo("FINAL");
                    assertThat(d.getString("advancedAt")).isNotNull();
                });
        JsonObject city = contests.stream().filter(c -> c.getString("tier").equals("CITY")).findFirst().orElseThrow();
        assertThat(city.getString("status")).isEqualTo("PUBLISHED");
        assertThat(city.getInteger("resultsVersion")).isEqualTo(1);
        long cityLathe = logins.cityEvents().getFirst();
        assertThat(server.api().get("/api/v1/events/" + cityLathe + "/entries", admin).json().getJsonArray("items"))
                .isNotEmpty()
                .allSatisfy(e -> assertThat(((JsonObject) e).getJsonObject("source")).isNotNull());
        assertThat(server.api().get("/api/v1/contests/" + city.getLong("id") + "/results", null).status()).isEqualTo(200);
        assertThat(server.api().get("/api/v1/audit/verify", admin).json().getBoolean("ok")).isTrue();
        assertThat(season.step()).as("nothing left to do").isFalse();
    }
}
