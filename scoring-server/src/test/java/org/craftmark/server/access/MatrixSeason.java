package org.craftmark.server.access;

import io.vertx.core.json.JsonObject;
import org.craftmark.server.testing.Season;
import org.craftmark.server.testing.SeasonOverHttp;
import org.craftmark.server.testing.TestServer;

import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.craftmark.server.testing.SeasonOverHttp.ok;

/**
 * The seeded season the matrix probes, set up through the API: a RUNNING city contest of 北京市
 * (results shown on publication only) with marks, a panel and a recheck, and a FINAL district
 * contest of 朝阳区 with a resolved appeal and issued certificates. Both lie inside the "in scope"
 * callers' region and outside the "out of scope" ones'.
 */
public final class MatrixSeason {
    static final String PASSWORD = SeasonOverHttp.JUDGE_PASSWORD;
    public static final String ID_NUMBER = Season.idNumber(4401);

    public final long contest;
    public final long event;
    public final long entry;
    public final long recheck;
    public final long finalContest;
    public final long finalEvent;
    public final long finalEntry;
    public final long appeal;
    public final String certificate;
    public final String download;
    public final long judgeOn;
    public final long unseatable;
    public final long editableJudge;
    final Map<Caller, String> tokens = new EnumMap<>(Caller.class);

    public MatrixSeason(TestServer server, SeasonOverHttp season) {
        user(season, Caller.ORGANIZER_IN.username, "ORGANIZER", "110000");
        user(season, Caller.ORGANIZER_OUT.username, "ORGANIZER", "120000");
        user(season, Caller.HR_IN.username, "HR", "110000");
        user(season, Caller.HR_OUT.username, "HR", "120000");
        judgeOn = season.judge(Caller.JUDGE_ON.username);
        season.judge(Caller.JUDGE_OFF.username);
        long chief = season.judge(Caller.CHIEF.username);
        unseatable = season.judge("m-unseat-me");
        editableJudge = user(season, "m-editable", "JUDGE", "110000");

        contest = ok(201, season.post("/api/v1/contests",
                Season.contest("矩阵 北京市大赛", "CITY", "110000", null).put("visibility", "ON_PUBLISH"))).getLong("id");
        event = season.event(contest, "6-18-01-01", "车工", 3, 60);
        season.move(contest, "open");
        entry = season.enter(event, "A01", "张伟", Season.idNumber(4301), "北京某厂");
        long second = season.enter(event, "A02", "李娜", Season.idNumber(4302), "北京某厂");
        season.move(contest, "start");
        season.seat(event, judgeOn, "JUDGE");
        season.seat(event, chief, "CHIEF");
        season.seat(event, unseatable, "JUDGE");
        season.mark(event, Caller.JUDGE_ON.username, Map.of(entry, 80, second, 70));
        String chiefToken = server.api().token(Caller.CHIEF.username, PASSWORD);
        recheck = ok(201, server.api().post("/api/v1/events/" + event + "/recheck", new JsonObject(), chiefToken)).getLong("id");

        finalContest = season.contest("矩阵 朝阳区大赛", "DISTRICT", "110105", null, 1);
        finalEvent = season.event(finalContest, "6-18-01-01", "车工", 3, 60);
        season.move(finalContest, "open");
        finalEntry = season.enter(finalEvent, "B01", "王强", ID_NUMBER, "朝阳某厂");
        long runnerUp = season.enter(finalEvent, "B02", "赵敏", Season.idNumber(4402), "朝阳某厂");
        season.move(finalContest, "start");
        Map<Long, Integer> ranks = new LinkedHashMap<>();
        ranks.put(finalEntry, 1);
        ranks.put(runnerUp, 2);
        season.record(finalEvent, ranks);
        season.move(finalContest, "publish");
        appeal = ok(201, season.post("/api/v1/events/" + finalEvent + "/appeals",
                new JsonObject().put("entryId", runnerUp).put("reason", "矩阵"))).getLong("id");
        ok(200, season.post("/api/v1/appeals/" + appeal + "/resolve", new JsonObject().put("decision", "REJECTED").put("note", "矩阵")));
        server.clock().advance(Duration.ofDays(2));
        season.signInAgain();
        season.move(finalContest, "finalize");
        certificate = season.get("/api/v1/contests/" + finalContest + "/certificates").getJsonArray("items")
                .getJsonObject(0).getString("certificateNo");
        download = UUID.randomUUID().toString();
        server.api().getBytes("/api/v1/contests/" + finalContest + "/certificates.zip?progress=" + download, season.admin());

        tokens.put(Caller.ADMIN, season.admin());
        for (Caller caller : Caller.values()) {
            if (caller.username != null && caller != Caller.ADMIN) {
                tokens.put(caller, server.api().token(caller.username, PASSWORD));
            }
        }
    }

    public String token(Caller caller) {
        return tokens.get(caller);
    }

    private static long user(SeasonOverHttp season, String username, String role, String region) {
        JsonObject body = new JsonObject().put("username", username).put("password", PASSWORD).put("role", role)
                .put("displayName", username).put("regionCode", region);
        return ok(201, season.post("/api/v1/users", body)).getLong("id");
    }
}
