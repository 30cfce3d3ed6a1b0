package org.craftmark.server.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.craftmark.core.people.ResidentId;

import java.util.Locale;

/** Request bodies for setting up a season, with sensible defaults a test overrides where it matters. */
public final class Season {
    private Season() {
    }

    /**
     * Over HTTP as ADMIN: the regions 全国 → 北京市 → 通州区 and a DISTRICT contest of 通州区 named
     * {@code name}; answers the contest's id.
     */
    public static long districtContest(Api api, String admin, String name) {
        api.post("/api/v1/regions", region("000000", "全国", "NATION", null), admin);
        api.post("/api/v1/regions", region("110000", "北京市", "CITY", "000000"), admin);
        api.post("/api/v1/regions", region("110112", "通州区", "DISTRICT", "110000"), admin);
        return created(api.post("/api/v1/contests", contest(name, "DISTRICT", "110112", null), admin));
    }

    /** The id of what a 201 answer created (the test fails on any other answer). */
    public static long created(Api.Response response) {
        if (response.status() != 201) {
            throw new AssertionError("expected 201 Created, got " + response.status() + ": " + response.body());
        }
        return response.json().getLong("id");
    }

    public static JsonObject region(String code, String name, String level, String parent) {
        return new JsonObject().put("code", code).put("name", name).put("level", level).put("parentCode", parent);
    }

    public static JsonObject contest(String name, String tier, String regionCode, Long feedsInto) {
        return new JsonObject().put("name", name).put("year", 2026).put("tier", tier).put("regionCode", regionCode)
                .put("category", "CLASS_I").put("feedsInto", feedsInto).put("visibility", "LIVE").put("noticeDays", 5);
    }

    public static JsonObject individualEvent(String code, String name) {
        return new JsonObject().put("occupationCode", code).put("occupationName", name).put("group", "EMPLOYEE")
                .put("mode", "INDIVIDUAL").put("advanceQuota", 3).put("advanceMinScore", 60).put("scheme", scheme());
    }

    public static JsonObject teamEvent(String code, String name, int teamSize) {
        return individualEvent(code, name).put("mode", "TEAM").put("teamSize", teamSize);
    }

    /** The contract's example scheme: SINGLE, TRIMMED_MEAN, WSS and a deduction. */
    public static JsonObject scheme() {
        return new JsonObject()
                .put("criteria", new JsonArray()
                        .add(criterion("A1", "A", "MEASUREMENT", 30, "SINGLE", 1))
                        .add(criterion("B1", "B", "JUDGEMENT", 20, "TRIMMED_MEAN", 5).put("trim", 1))
                        .add(criterion("B2", "B", "JUDGEMENT", 9, "WSS", 3))
                        .add(criterion("S1", "S", "DEDUCTION", 5, "SINGLE", 1)))
                .put("tieBreak", new JsonArray().add("MODULE:A").add("TIME"));
    }

    public static JsonObject criterion(String code, String module, String kind, double maxMark, String method, int judges) {
        return new JsonObject().put("code", code).put("module", module).put("name", "评分项 " + code).put("kind", kind)
                .put("maxMark", maxMark).put("method", method).put("judges", judges);
    }

    public static JsonObject competitor(String name, String idNumber, String employer) {
        return new JsonObject().put("name", name).put("idNumber", idNumber).put("employer", employer)
                .put("trainingUnit", "北京市工业技师学院").put("currentLevel", "L4");
    }

    public static JsonObject individualEntry(String bib, JsonObject competitor) {
        return new JsonObject().put("bib", bib).put("competitor", competitor);
    }

    /** A valid resident ID number, different for every {@code n} (born in 1990 in 朝阳区). */
    public static String idNumber(int n) {
        String first17 = String.format(Locale.ROOT, "110105%04d%02d%02d%03d", 1980 + n % 20, 1 + n % 12, 1 + n % 28, n % 1000);
        return ResidentId.withCheckCharacter(first17);
    }

    /** A CSV registration file of {@code rows} valid competitors, numbered from {@code first}. */
    public static String csv(int first, int rows) {
        StringBuilder csv = new StringBuilder("bib,name,idNumber,employer,trainingUnit,currentLevel\n");
        for (int i = first; i < first + rows; i++) {
            csv.append(String.format(Locale.ROOT, "C%05d,选手%d,%s,\"北京某某有限公司, 第%d车间\",北京市工业技师学院,L5%n", i, i, idNumber(i), i));
        }
        return csv.toString();
    }
}
