package org.craftmark.server.access;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.craftmark.server.testing.Season;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A probe for every route of the API, over the {@link MatrixSeason}. Probes try not to change the
 * season: lifecycle moves are out of order (409), registrations hit a RUNNING contest (409),
 * idempotent changes repeat what is already there; the few that change data are marked destructive.
 */
final class Probes {
    private Probes() {
    }

    static Map<String, Probe> of(MatrixSeason s) {
        Map<String, Probe> probes = new LinkedHashMap<>();
        system(probes);
        users(probes, s);
        contests(probes, s);
        events(probes, s);
        chief(probes, s);
        afterTheContest(probes, s);
        certificates(probes, s);
        return probes;
    }

    private static void system(Map<String, Probe> p) {
        p.put("GET /health", Probe.get("/health"));
        p.put("GET /metrics", Probe.get("/metrics"));
        p.put("GET /api/v1/openapi.yaml", Probe.get("/api/v1/openapi.yaml"));
        p.put("GET /api/v1/audit", Probe.get("/api/v1/audit"));
        p.put("GET /api/v1/audit/verify", Probe.get("/api/v1/audit/verify"));
        p.put("GET /api/v1/regions", Probe.get("/api/v1/regions"));
        p.put("POST /api/v1/regions", Probe.post("/api/v1/regions", Season.region("110105", "朝阳区", "DISTRICT", "110000")));
        p.put("GET /api/v1/regions/{code}/award-policy", Probe.get("/api/v1/regions/110000/award-policy"));
        p.put("PUT /api/v1/regions/{code}/award-policy", Probe.json("PUT", "/api/v1/regions/110000/award-policy",
                n -> new JsonObject().put("tiers", new JsonObject())));
    }

    private static void users(Map<String, Probe> p, MatrixSeason s) {
        p.put("POST /api/v1/auth/login", Probe.post("/api/v1/auth/login",
                new JsonObject().put("username", Caller.JUDGE_OFF.username).put("password", MatrixSeason.PASSWORD)));
        p.put("POST /api/v1/auth/ws-ticket", Probe.post("/api/v1/auth/ws-ticket", new JsonObject()));
        p.put("POST /api/v1/users", Probe.json("POST", "/api/v1/users", n -> new JsonObject().put("username", "m-new-" + n)
                .put("password", MatrixSeason.PASSWORD).put("role", "JUDGE").put("displayName", "新裁判").put("regionCode", "110000")));
        p.put("GET /api/v1/users", Probe.get("/api/v1/users?role=JUDGE"));
        p.put("PATCH /api/v1/users/{id}", Probe.post("/api/v1/users/" + s.editableJudge, new JsonObject().put("displayName", "m-editable"))
                .withMethod("PATCH"));
        p.put("GET /api/v1/persons/{idNumber}/history", Probe.get("/api/v1/persons/" + MatrixSeason.ID_NUMBER + "/history"));
    }

    private static void contests(Map<String, Probe> p, MatrixSeason s) {
        String contest = "/api/v1/contests/" + s.contest;
        p.put("GET /api/v1/contests", Probe.get("/api/v1/contests"));
        p.put("POST /api/v1/contests", Probe.json("POST", "/api/v1/contests", n -> Season.contest("矩阵 " + n, "DISTRICT", "110105", null)));
        p.put("GET /api/v1/contests/{id}", Probe.get(contest));
        for (String move : new String[] {"open", "start", "publish", "finalize", "advance"}) {
            p.put("POST /api/v1/contests/{id}/" + move, Probe.post(contest + "/" + move, new JsonObject()));
        }
        p.put("GET /api/v1/contests/{id}/lifecycle", Probe.get(contest + "/lifecycle"));
        p.put("GET /api/v1/contests/{id}/advancement", Probe.get(contest + "/advancement"));
        p.put("GET /api/v1/contests/{id}/events", Probe.get(contest + "/events"));
        p.put("POST /api/v1/contests/{id}/events", Probe.post(contest + "/events", Season.individualEvent("6-18-01-09", "钳工")));
    }

    private static void events(Map<String, Probe> p, MatrixSeason s) {
        String event = "/api/v1/events/" + s.event;
        String entry = "/api/v1/entries/" + s.entry;
        p.put("GET /api/v1/events/{id}", Probe.get(event));
        p.put("GET /api/v1/events/{id}/entries", Probe.get(event + "/entries"));
        p.put("POST /api/v1/events/{id}/entries", Probe.post(event + "/entries",
                Season.individualEntry("Z99", Season.competitor("新选手", Season.idNumber(4399), "北京某厂"))));
        p.put("POST /api/v1/events/{id}/entries:import", new Probe("POST", event + "/entries:import", "text/csv",
                n -> Season.csv(4500, 1), false));
        p.put("POST /api/v1/entries/{id}/status", Probe.post(entry + "/status", new JsonObject().put("status", "ACTIVE")));
        p.put("PUT /api/v1/entries/{id}/time", Probe.json("PUT", entry + "/time", n -> new JsonObject().put("seconds", 5400)));
        p.put("PATCH /api/v1/entries/{id}", Probe.post(entry, Season.individualEntry("A01",
                Season.competitor("张伟", Season.idNumber(4301), "北京某厂"))).withMethod("PATCH"));
        p.put("POST /api/v1/entries/{id}/reveal-id", Probe.post(entry + "/reveal-id", new JsonObject().put("reason", "矩阵")));
        p.put("GET /api/v1/events/{id}/panel", Probe.get(event + "/panel"));
        p.put("POST /api/v1/events/{id}/panel", Probe.post(event + "/panel", new JsonObject().put("userId", s.judgeOn).put("role", "JUDGE")));
        p.put("DELETE /api/v1/events/{id}/panel/{userId}", Probe.delete(event + "/panel/" + s.unseatable));
        p.put("GET /api/v1/events/{id}/conflicts", Probe.get(event + "/conflicts?userId=" + s.judgeOn));
        p.put("GET /api/v1/events/{id}/my-marks", Probe.get(event + "/my-marks"));
        p.put("GET /api/v1/events/{id}/leaderboard", Probe.get(event + "/leaderboard"));
        p.put("GET /api/v1/events/{id}/leniency", Probe.get(event + "/leniency"));
        p.put("POST /api/v1/marks:batch", Probe.post("/api/v1/marks:batch", new JsonObject().put("marks", new JsonArray())));
        p.put("GET /ws/judge", Probe.webSocket("/ws/judge", ""));
        p.put("GET /ws/live", Probe.webSocket("/ws/live", "eventId=" + s.event));
    }

    private static void chief(Map<String, Probe> p, MatrixSeason s) {
        String event = "/api/v1/events/" + s.event;
        String entry = "/api/v1/entries/" + s.entry;
        p.put("POST /api/v1/events/{id}/lock", Probe.post(event + "/lock", new JsonObject()));
        p.put("POST /api/v1/events/{id}/unlock", Probe.post(event + "/unlock", new JsonObject().put("reason", "矩阵")));
        p.put("POST /api/v1/entries/{id}/corrections", Probe.post(entry + "/corrections", new JsonObject().put("criterion", "A1")
                .put("judgeUserId", s.judgeOn).put("value", 80).put("reason", "矩阵")));
        p.put("GET /api/v1/entries/{id}/marks", Probe.get(entry + "/marks"));
        p.put("GET /api/v1/events/{id}/progress", Probe.get(event + "/progress"));
        p.put("POST /api/v1/events/{id}/recheck", Probe.post(event + "/recheck", new JsonObject()));
        p.put("GET /api/v1/events/{id}/recheck", Probe.get(event + "/recheck"));
        p.put("POST /api/v1/rechecks/{id}/items/{entryId}", Probe.post("/api/v1/rechecks/" + s.recheck + "/items/" + s.entry,
                new JsonObject().put("outcome", "CONFIRMED").put("note", "矩阵")));
    }

    private static void afterTheContest(Map<String, Probe> p, MatrixSeason s) {
        String contest = "/api/v1/contests/" + s.finalContest;
        String event = "/api/v1/events/" + s.finalEvent;
        p.put("GET /api/v1/contests/{id}/appeals", Probe.get(contest + "/appeals"));
        p.put("GET /api/v1/events/{id}/appeals", Probe.get(event + "/appeals"));
        p.put("POST /api/v1/events/{id}/appeals", Probe.post(event + "/appeals", new JsonObject().put("entryId", s.finalEntry).put("reason", "矩阵")));
        p.put("GET /api/v1/appeals/{id}", Probe.get("/api/v1/appeals/" + s.appeal));
        p.put("POST /api/v1/appeals/{id}/resolve", Probe.post("/api/v1/appeals/" + s.appeal + "/resolve",
                new JsonObject().put("decision", "UPHELD").put("note", "矩阵")));
        p.put("POST /api/v1/events/{id}/results:import", Probe.post(event + "/results:import", new JsonObject()
                .put("results", new JsonArray().add(new JsonObject().put("entryId", s.finalEntry).put("rank", 1)))));
        p.put("GET /api/v1/contests/{id}/results", Probe.get(contest + "/results"));
        p.put("GET /api/v1/contests/{id}/entitlements", Probe.get(contest + "/entitlements"));
        p.put("GET /api/v1/winners", Probe.get("/api/v1/winners?year=2026"));
    }

    private static void certificates(Map<String, Probe> p, MatrixSeason s) {
        String certificate = "/api/v1/certificates/" + s.certificate;
        String contest = "/api/v1/contests/" + s.finalContest;
        p.put("GET /api/v1/certificates/{no}", Probe.get(certificate));
        p.put("GET /api/v1/certificates/{no}/pdf", Probe.get(certificate + "/pdf"));
        p.put("POST /api/v1/certificates/{no}/revoke", Probe.post(certificate + "/revoke", new JsonObject().put("reason", "矩阵"))
                .destroying());
        p.put("GET /api/v1/contests/{id}/certificates", Probe.get(contest + "/certificates"));
        p.put("GET /api/v1/contests/{id}/certificates.zip", Probe.get(contest + "/certificates.zip"));
        p.put("GET /api/v1/downloads/{token}", Probe.get("/api/v1/downloads/" + s.download));
        p.put("GET /api/v1/verify/{no}", Probe.get("/api/v1/verify/" + s.certificate));
    }
}
