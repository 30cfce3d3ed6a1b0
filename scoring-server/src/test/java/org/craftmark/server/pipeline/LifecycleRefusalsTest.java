package org.craftmark.server.pipeline;

import org.craftmark.server.testing.OnH2;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.craftmark.server.testing.Api;
import org.craftmark.server.testing.Season;
import org.craftmark.server.testing.SeasonOverHttp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every move out of order, every late or repeated decision and every bad recorded-results body is
 * refused with 409 or 400 and a message saying what is wrong — and changes nothing: the contests and
 * the audit log are the same before and after.
 */
@DisplayName("Refused lifecycle calls change nothing")
class LifecycleRefusalsTest extends OnH2 {
    /** The contests and events the table refers to, by name. */
    private static final Map<String, Long> ids = new java.util.HashMap<>();

    /** One refused request: what it does, and the status, code and words of the answer. */
    record Refusal(String what, Function<SeasonOverHttp, Api.Response> request, int status, String code, String saying) {
        @Override
        public String toString() {
            return what;
        }
    }

    @BeforeAll
    static void season() {
        long draft = season.contest("草稿大赛", "DISTRICT", "110105", null, 5);
        ids.put("draft", draft);
        ids.put("draftEvent", season.event(draft, "6-18-01-01", "车工", 3, null));

        long running = season.contest("比赛中的大赛", "DISTRICT", "110105", null, 5);
        long runningEvent = season.event(running, "6-18-01-01", "车工", 3, null);
        season.move(running, "open");
        ids.put("runningEntry", season.enter(runningEvent, "R01", "选手R01", Season.idNumber(8001), "单位R"));
        ids.put("runningEntry2", season.enter(runningEvent, "R02", "选手R02", Season.idNumber(8002), "单位R"));
        season.move(running, "start");
        ids.put("running", running);
        ids.put("runningEvent", runningEvent);

        long cityRunning = season.contest("比赛中的市赛", "CITY", "110000", null, 5);
        season.event(cityRunning, "6-18-01-01", "车工", 3, null);
        season.move(cityRunning, "open");
        season.move(cityRunning, "start");
        long finalIntoRunning = published("已终审的区赛", cityRunning, 0, "fa");
        season.move(finalIntoRunning, "finalize");
        ids.put("finalIntoRunning", finalIntoRunning);
        long finalAlone = published("无上级的区赛", null, 0, "fb");
        season.move(finalAlone, "finalize");
        ids.put("finalAlone", finalAlone);

        long inNotice = published("公示中的大赛", null, 5, "pc");
        ids.put("inNotice", inNotice);
        long decided = SeasonOverHttp.ok(201, season.post("/api/v1/events/" + ids.get("pcEvent") + "/appeals",
                new JsonObject().put("entryId", ids.get("pcEntry")).put("reason", "复核"))).getLong("id");
        SeasonOverHttp.ok(200, season.post("/api/v1/appeals/" + decided + "/resolve",
                new JsonObject().put("decision", "REJECTED").put("note", "维持原结果")));
        ids.put("decidedAppeal", decided);
        ids.put("noticeOver", published("公示已结束的大赛", null, 0, "pd"));
    }

    /** A district contest with one marked, locked event, published; ids kept under {@code <prefix>Event} and {@code <prefix>Entry}. */
    private static long published(String name, Long feedsInto, int noticeDays, String prefix) {
        long contest = season.contest(name, "DISTRICT", "110105", feedsInto, noticeDays);
        long event = season.event(contest, "6-18-01-01", "车工", 3, null);
        season.move(contest, "open");
        long entry = season.enter(event, prefix + "01", "选手", Season.idNumber(8100 + ids.size()), "单位" + prefix);
        season.seat(event, season.judge(prefix + "-chief"), "CHIEF");
        season.move(contest, "start");
        season.mark(event, prefix + "-chief", Map.of(entry, 77));
        season.lock(event, prefix + "-chief");
        season.move(contest, "publish");
        ids.put(prefix + "Event", event);
        ids.put(prefix + "Entry", entry);
        return contest;
    }

    private static Api.Response move(String contest, String action) {
        return season.post("/api/v1/contests/" + ids.get(contest) + "/" + action, new JsonObject());
    }

    private static Api.Response appeal(String event, String entry, String reason) {
        JsonObject body = new JsonObject().put("entryId", ids.get(entry));
        if (reason != null) {
            body.put("reason", reason);
        }
        return season.post("/api/v1/events/" + ids.get(event) + "/appeals", body);
    }

    private static Api.Response recorded(String body) {
        return season.api().postRaw("/api/v1/events/" + ids.get("runningEvent") + "/results:import", body, "application/json",
                season.admin());
    }

    private static String results(Object... entryAndRank) {
        JsonArray results = new JsonArray();
        for (int i = 0; i < entryAndRank.length; i += 2) {
            results.add(new JsonObject().put("entryId", ids.getOrDefault(entryAndRank[i].toString(), 999_999L)).put("rank", entryAndRank[i + 1]));
        }
        return new JsonObject().put("results", results).encode();
    }

    static Stream<Refusal> refusals() {
        return Stream.of(
                new Refusal("open a RUNNING contest", s -> move("running", "open"), 409, "WRONG_STATE", "RUNNING"),
                new Refusal("start a DRAFT contest", s -> move("draft", "start"), 409, "WRONG_STATE", "DRAFT"),
                new Refusal("publish a DRAFT contest", s -> move("draft", "publish"), 409, "WRONG_STATE", "DRAFT"),
                new Refusal("publish with an event not locked", s -> move("running", "publish"), 409, "WRONG_STATE", "locked"),
                new Refusal("finalize a RUNNING contest", s -> move("running", "finalize"), 409, "WRONG_STATE", "RUNNING"),
                new Refusal("finalize during the notice period", s -> move("inNotice", "finalize"), 409, "WRONG_STATE", "notice period"),
                new Refusal("advance a PUBLISHED contest", s -> move("inNotice", "advance"), 409, "WRONG_STATE", "FINAL"),
                new Refusal("advance into a RUNNING contest", s -> move("finalIntoRunning", "advance"), 409, "WRONG_STATE", "比赛中的市赛"),
                new Refusal("advance a contest that feeds into none", s -> move("finalAlone", "advance"), 409, "WRONG_STATE", "feeds into no contest"),
                new Refusal("appeal while the contest is RUNNING", s -> appeal("runningEvent", "runningEntry", "太早"), 409, "WRONG_STATE", "RUNNING"),
                new Refusal("appeal after the notice period", s -> appeal("pdEvent", "pdEntry", "太迟"), 409, "WRONG_STATE", "notice period"),
                new Refusal("appeal without a reason", s -> appeal("pcEvent", "pcEntry", null), 400, "VALIDATION_FAILED", "reason"),
                new Refusal("appeal naming another event's entry", s -> appeal("pcEvent", "runningEntry", "x"), 400, "VALIDATION_FAILED", "entryId"),
                new Refusal("decide an appeal twice", s -> s.post("/api/v1/appeals/" + ids.get("decidedAppeal") + "/resolve",
                        new JsonObject().put("decision", "UPHELD").put("note", "改判")), 409, "WRONG_STATE", "already decided"),
                new Refusal("decide with an unknown decision", s -> s.post("/api/v1/appeals/" + ids.get("decidedAppeal") + "/resolve",
                        new JsonObject().put("decision", "MAYBE").put("note", "x")), 400, "VALIDATION_FAILED", "decision"),
                new Refusal("recorded results that are not JSON", s -> recorded("{\"results\": ["), 400, "MALFORMED", ""),
                new Refusal("recorded results without results", s -> recorded("{}"), 400, "VALIDATION_FAILED", "results"),
                new Refusal("recorded results with a rank as text", s -> recorded("{\"results\":[{\"entryId\":1,\"rank\":\"1\"}]}"),
                        400, "MALFORMED", "rank"),
                new Refusal("recorded results with rank 0", s -> recorded(results("runningEntry", 0, "runningEntry2", 1)), 400,
                        "VALIDATION_FAILED", "results[0].rank"),
                new Refusal("recorded results ranking an entry twice", s -> recorded(results("runningEntry", 1, "runningEntry", 2)),
                        400, "VALIDATION_FAILED", "more than once"),
                new Refusal("recorded results leaving an ACTIVE entry out", s -> recorded(results("runningEntry", 1)), 400,
                        "VALIDATION_FAILED", "R02 has no rank"),
                new Refusal("recorded results naming an entry of another event", s -> recorded(results("pcEntry", 1, "runningEntry", 1,
                        "runningEntry2", 2)), 400, "VALIDATION_FAILED", "not an entry of this event"),
                new Refusal("recorded results for a PUBLISHED contest", s -> s.api().postRaw("/api/v1/events/" + ids.get("pcEvent")
                        + "/results:import", results("pcEntry", 1), "application/json", s.admin()), 409, "WRONG_STATE", "PUBLISHED"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void isRefusedAndChangesNothing(Refusal refusal) {
        String before = state();

        Api.Response response = refusal.request().apply(season);

        assertThat(response.status()).as(response.body()).isEqualTo(refusal.status());
        JsonObject error = response.json().getJsonObject("error");
        assertThat(error.getString("code")).isEqualTo(refusal.code());
        assertThat(error.getString("message") + " " + error.getJsonArray("details").encode()).contains(refusal.saying());
        assertThat(state()).as("nothing changed").isEqualTo(before);
    }

    /** Every contest as the organizer sees it, the audit log's length, and the recorded event. */
    private static String state() {
        return season.get("/api/v1/contests").encode() + season.get("/api/v1/audit/verify").encode()
                + season.get("/api/v1/events/" + ids.get("runningEvent")).encode();
    }
}
