package org.craftmark.server.setup;

import io.vertx.core.json.JsonObject;
import org.craftmark.server.testing.Api;
import org.craftmark.server.testing.TestServer;

import static org.craftmark.server.setup.SeasonSetupApiTest.created;
import static org.craftmark.server.setup.SeasonSetupApiTest.id;
import static org.craftmark.server.testing.Season.competitor;
import static org.craftmark.server.testing.Season.contest;
import static org.craftmark.server.testing.Season.idNumber;
import static org.craftmark.server.testing.Season.individualEntry;
import static org.craftmark.server.testing.Season.individualEvent;
import static org.craftmark.server.testing.Season.region;

/**
 * Beijing with two districts, one organizer for each, an HR officer and a judge, and a 通州 contest
 * (OPEN) with one event and one entry: the ground the guard tests stand on.
 */
final class SetupFixture {
    static final String PASSWORD = "secret-pw";

    final Api api;
    final String admin;
    final long cityContest;
    final long contest;
    final long event;
    final long entry;
    final long judgeId;
    final long hrId;

    SetupFixture(TestServer server) {
        api = server.api();
        admin = api.token("admin", TestServer.ADMIN_PASSWORD);
        created(api.post("/api/v1/regions", region("000000", "全国", "NATION", null), admin));
        created(api.post("/api/v1/regions", region("110000", "北京市", "CITY", "000000"), admin));
        created(api.post("/api/v1/regions", region("110112", "通州区", "DISTRICT", "110000"), admin));
        created(api.post("/api/v1/regions", region("110105", "朝阳区", "DISTRICT", "110000"), admin));
        user("bj-org", "ORGANIZER", "110000");
        user("tz-org", "ORGANIZER", "110112");
        user("cy-org", "ORGANIZER", "110105");
        hrId = user("bj-hr", "HR", "110000");
        judgeId = user("judge-a", "JUDGE", null);
        cityContest = id(created(api.post("/api/v1/contests", contest("2026 北京市大赛", "CITY", "110000", null), admin)));
        contest = id(created(api.post("/api/v1/contests", contest("2026 通州区大赛", "DISTRICT", "110112", cityContest), admin)));
        event = id(created(api.post("/api/v1/contests/" + contest + "/events", individualEvent("6-18-01-01", "车工"), admin)));
        entry = id(created(api.post("/api/v1/events/" + event + "/entries",
                individualEntry("A01", competitor("张伟", idNumber(1), "首钢集团")), admin)));
        api.post("/api/v1/contests/" + contest + "/open", new JsonObject(), admin);
    }

    String token(String username) {
        return username == null ? null : "admin".equals(username) ? admin : api.token(username, PASSWORD);
    }

    private long user(String username, String role, String region) {
        return id(created(api.post("/api/v1/users", new JsonObject().put("username", username).put("password", PASSWORD)
                .put("role", role).put("displayName", username).put("regionCode", region), admin)));
    }
}
