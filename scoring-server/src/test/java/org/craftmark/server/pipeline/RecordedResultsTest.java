package org.craftmark.server.pipeline;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.craftmark.server.testing.OnEveryBackend;
import org.craftmark.server.testing.TestVertx;
import org.craftmark.server.testing.Season;
import org.craftmark.server.testing.SeasonOverHttp;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.craftmark.server.testing.SeasonOverHttp.ok;

/** Results of a contest run elsewhere (WORLD) are recorded as ranks: they rank and lock the event; publish and finalize as usual. */
@DisplayName("Recorded results")
class RecordedResultsTest extends OnEveryBackend {

    @Test
    @DisplayName("a WORLD contest's recorded ranks make its leaderboard, with prizes; it publishes and finalizes")
    void worldResultsAreRecordedPublishedAndFinal() {
        SeasonOverHttp season = new SeasonOverHttp(server, TestVertx.shared());
        season.regions();
        long world = season.contest("第48届世界技能大赛 " + backend, "WORLD", "000000", null, 0);
        long event = season.event(world, "6-18-01-01", "车工", null, null);
        season.move(world, "open");
        long w1 = season.enter(event, "CN01", "张伟", Season.idNumber(6001 + backend.ordinal()), "中国一重");
        long w2 = season.enter(event, "CN02", "李娜", Season.idNumber(6101 + backend.ordinal()), "中国二重");
        long w3 = season.enter(event, "CN03", "王强", Season.idNumber(6201 + backend.ordinal()), "中国三重");
        season.move(world, "start");
        JsonObject body = new JsonObject().put("results", new JsonArray()
                .add(new JsonObject().put("entryId", w2).put("rank", 1).put("total", 761))
                .add(new JsonObject().put("entryId", w1).put("rank", 2))
                .add(new JsonObject().put("entryId", w3).put("rank", 2)));

        JsonObject recorded = ok(200, season.post("/api/v1/events/" + event + "/results:import", body));

        assertThat(recorded.getBoolean("locked")).isTrue();
        JsonArray rows = season.get("/api/v1/events/" + event + "/leaderboard").getJsonArray("rows");
        assertThat(rows.stream().map(r -> (JsonObject) r).map(r -> r.getString("bib") + " " + r.getInteger("rank") + " " + r.getString("prize")))
                .containsExactly("CN02 1 GOLD", "CN01 2 SILVER", "CN03 2 SILVER");
        assertThat(rows.getJsonObject(0).getValue("total").toString()).isEqualTo("761");
        assertThat(rows.getJsonObject(1).getValue("total")).as("none reported").isNull();
        assertThat(rows.getJsonObject(1).getBoolean("complete")).isTrue();

        season.move(world, "publish");
        JsonObject done = season.move(world, "finalize");
        assertThat(done.getString("status")).isEqualTo("FINAL");
        assertThat(season.get("/api/v1/events/" + event + "/leaderboard?version=1").getJsonArray("rows")).isEqualTo(rows);
    }

    @Test
    @DisplayName("importing again while RUNNING replaces the recorded ranks; marks never count on a recorded event")
    void importingAgainReplaces() {
        SeasonOverHttp season = new SeasonOverHttp(server, TestVertx.shared());
        season.regions();
        long national = season.contest("外部系统的国赛 " + backend, "NATIONAL", "000000", null, 0);
        long event = season.event(national, "6-18-01-01", "车工", null, null);
        season.move(national, "open");
        long a = season.enter(event, "N01", "甲", Season.idNumber(6301 + backend.ordinal()), "单位甲");
        long b = season.enter(event, "N02", "乙", Season.idNumber(6401 + backend.ordinal()), "单位乙");
        season.move(national, "start");
        String path = "/api/v1/events/" + event + "/results:import";
        ok(200, season.post(path, new JsonObject().put("results", new JsonArray(List.of(
                new JsonObject().put("entryId", a).put("rank", 1), new JsonObject().put("entryId", b).put("rank", 2))))));
        ok(200, season.post(path, new JsonObject().put("results", new JsonArray(List.of(
                new JsonObject().put("entryId", a).put("rank", 2), new JsonObject().put("entryId", b).put("rank", 1))))));

        assertThat(season.get("/api/v1/events/" + event + "/leaderboard").getJsonArray("rows").getJsonObject(0).getString("bib"))
                .isEqualTo("N02");
    }
}
