package org.craftmark.server.pipeline;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.craftmark.server.testing.Api;
import org.craftmark.server.testing.LiveScreen;
import org.craftmark.server.testing.OnEveryBackend;
import org.craftmark.server.testing.TestVertx;
import org.craftmark.server.testing.Season;
import org.craftmark.server.testing.SeasonOverHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.craftmark.server.testing.SeasonOverHttp.ok;

/**
 * After publication: appeals during 公示, an upheld appeal reopening its event for the chief judge's
 * corrections, republication as results version 2 (version 1 still readable), and finality once the
 * notice period is over and no appeal is open.
 */
@DisplayName("Appeals and finality")
class AppealsAndFinalityTest extends OnEveryBackend {
    private static final AtomicInteger RUNS = new AtomicInteger();

    private SeasonOverHttp season;
    private String prefix;
    private long contest;
    private long event;
    private final Map<String, Long> entries = new LinkedHashMap<>();

    /** A published district contest: A01 90, A02 80, A03 70, A04 60 — A01 leads. */
    @BeforeEach
    void publishedContest() {
        int n = RUNS.incrementAndGet();
        prefix = "ap" + n + backend.name().toLowerCase();
        season = new SeasonOverHttp(server, TestVertx.shared());
        season.regions();
        contest = season.contest("2026 通州区职业技能大赛 " + prefix, "DISTRICT", "110112", null, 5);
        event = season.event(contest, "6-18-01-01", "车工", 3, null);
        season.move(contest, "open");
        for (int i = 1; i <= 4; i++) {
            entries.put("A0" + i, season.enter(event, "A0" + i, "选手" + i, Season.idNumber(n * 100 + i + 7000), "单位" + i));
        }
        season.seat(event, season.judge(prefix + "-chief"), "CHIEF");
        season.move(contest, "start");
        season.mark(event, prefix + "-chief", Map.of(entries.get("A01"), 90, entries.get("A02"), 80, entries.get("A03"), 70,
                entries.get("A04"), 60));
        season.lock(event, prefix + "-chief");
        season.move(contest, "publish");
    }

    private Api.Response file(String bib, String reason) {
        return season.post("/api/v1/events/" + event + "/appeals", new JsonObject().put("entryId", entries.get(bib)).put("reason", reason));
    }

    private Api.Response resolve(long appeal, String decision) {
        return season.post("/api/v1/appeals/" + appeal + "/resolve", new JsonObject().put("decision", decision).put("note", "仲裁组意见"));
    }

    private String chief() {
        return api.token(prefix + "-chief", SeasonOverHttp.JUDGE_PASSWORD);
    }

    private List<String> bibs(JsonObject board) {
        return board.getJsonArray("rows").stream().map(r -> ((JsonObject) r).getString("bib")).toList();
    }

    private void passNoticePeriod() {
        JsonObject c = season.get("/api/v1/contests/" + contest);
        Duration left = Duration.between(server.clock().instant(), Instant.parse(c.getString("noticeEndsAt")));
        server.clock().advance(left.isNegative() ? Duration.ZERO : left);
        season.signInAgain();
    }

    @Test
    @DisplayName("an upheld appeal reopens the event; the correction is republished as version 2; version 1 stays readable")
    void upheldAppealIsCorrectedAndRepublished() {
        JsonObject appeal = ok(201, file("A03", "A1 尺寸复测有误"));
        assertThat(appeal.getString("status")).isEqualTo("OPEN");
        assertThat(appeal.getInteger("disputedVersion")).isEqualTo(1);
        assertThat(appeal.getString("filedBy")).isEqualTo("admin");
        long id = appeal.getLong("id");

        passNoticePeriod();
        Api.Response early = season.post("/api/v1/contests/" + contest + "/finalize", new JsonObject());
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().getJsonObject("error").getString("message")).contains("1 appeal is open: A03 (#" + id + ")");

        JsonObject upheld = ok(200, resolve(id, "UPHELD"));
        assertThat(upheld.getString("status")).isEqualTo("UPHELD");
        assertThat(upheld.getString("resolvedBy")).isEqualTo("admin");
        assertThat(season.get("/api/v1/events/" + event).getBoolean("locked")).as("upheld: reopened").isFalse();
        assertThat(resolve(id, "REJECTED").status()).as("decided twice").isEqualTo(409);

        JsonObject correction = new JsonObject().put("criterion", "A1").put("judgeUserId", season.get("/api/v1/events/" + event + "/panel")
                .getJsonArray("items").getJsonObject(0).getLong("userId")).put("value", 95).put("reason", "申诉成立，复测 95");
        try (LiveScreen screen = LiveScreen.open(TestVertx.shared(), api, event, null, null)) {
            screen.awaitSeq(season.get("/api/v1/events/" + event + "/leaderboard").getLong("seq"));
            ok(200, api.post("/api/v1/entries/" + entries.get("A03") + "/corrections", correction, chief()));
            JsonObject board = season.get("/api/v1/events/" + event + "/leaderboard");
            assertThat(bibs(board)).as("live board moves").startsWith("A03");
            screen.awaitSeq(board.getLong("seq"));
            assertThat(screen.rows()).as("live screens get the delta").first().satisfies(r -> assertThat(r.getString("bib")).isEqualTo("A03"));
            assertThat(screen.gaps()).isEmpty();
        }

        Api.Response notYet = season.post("/api/v1/contests/" + contest + "/publish", new JsonObject());
        assertThat(notYet.status()).as("the event must be re-locked first").isEqualTo(409);
        season.lock(event, prefix + "-chief");
        JsonObject republished = season.move(contest, "publish");
        assertThat(republished.getInteger("resultsVersion")).isEqualTo(2);

        JsonObject v1 = season.get("/api/v1/events/" + event + "/leaderboard?version=1");
        JsonObject v2 = season.get("/api/v1/events/" + event + "/leaderboard?version=2");
        assertThat(bibs(v1)).containsExactly("A01", "A02", "A03", "A04");
        assertThat(bibs(v2)).containsExactly("A03", "A01", "A02", "A04");
        assertThat(season.get("/api/v1/appeals/" + id).getInteger("correctedInVersion")).isEqualTo(2);
        assertThat(season.move(contest, "publish").getInteger("resultsVersion")).as("nothing new: idempotent").isEqualTo(2);

        JsonObject done = season.move(contest, "finalize");
        assertThat(done.getString("status")).isEqualTo("FINAL");
        assertThat(season.move(contest, "finalize").getString("finalizedAt")).isEqualTo(done.getString("finalizedAt"));
        assertThat(actions()).contains("appeal.file", "appeal.resolve", "event.unlock", "mark.correct", "contest.republish",
                "contest.finalize");
    }

    @Test
    @DisplayName("a rejected appeal changes nothing: the event stays locked and results stay at version 1")
    void rejectedAppealChangesNothing() {
        long id = ok(201, file("A02", "评分不公")).getLong("id");
        JsonObject rejected = ok(200, resolve(id, "REJECTED"));

        assertThat(rejected.getString("decision")).isEqualTo("REJECTED");
        assertThat(season.get("/api/v1/events/" + event).getBoolean("locked")).isTrue();
        assertThat(api.post("/api/v1/events/" + event + "/unlock", new JsonObject().put("reason", "x"), chief()).status()).isEqualTo(409);
        passNoticePeriod();
        assertThat(season.move(contest, "finalize").getInteger("resultsVersion")).isEqualTo(1);
    }

    @Test
    @DisplayName("finalizing needs the notice period over; appeals are filed only while it runs")
    void noticePeriodGatesFinalityAndAppeals() {
        Api.Response early = season.post("/api/v1/contests/" + contest + "/finalize", new JsonObject());
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().getJsonObject("error").getString("code")).isEqualTo("WRONG_STATE");
        assertThat(early.json().getJsonObject("error").getJsonArray("details").getJsonObject(0).getString("field")).isEqualTo("noticeEndsAt");

        passNoticePeriod();
        Api.Response late = file("A01", "迟到的申诉");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.errorCode()).isEqualTo("WRONG_STATE");
        assertThat(season.get("/api/v1/contests/" + contest + "/appeals").getJsonArray("items")).isEmpty();
        assertThat(season.move(contest, "finalize").getString("status")).isEqualTo("FINAL");
    }

    @Test
    @DisplayName("appeals are listed per event and per contest; the chief may file, an outside judge may not")
    void appealsAreListedAndGuarded() {
        ok(201, api.post("/api/v1/events/" + event + "/appeals", new JsonObject().put("entryId", entries.get("A04")).put("reason", "计时有误"),
                chief()));
        season.judge(prefix + "-outsider");
        Api.Response outsider = api.post("/api/v1/events/" + event + "/appeals", new JsonObject().put("entryId", entries.get("A04"))
                .put("reason", "x"), api.token(prefix + "-outsider", SeasonOverHttp.JUDGE_PASSWORD));
        assertThat(outsider.status()).isEqualTo(403);

        JsonArray ofEvent = season.get("/api/v1/events/" + event + "/appeals").getJsonArray("items");
        JsonArray ofContest = season.get("/api/v1/contests/" + contest + "/appeals").getJsonArray("items");
        assertThat(ofEvent).hasSize(1);
        assertThat(ofContest).isEqualTo(ofEvent);
        assertThat(ofEvent.getJsonObject(0).getString("filedBy")).isEqualTo(prefix + "-chief");
        assertThat(ofEvent.getJsonObject(0).getString("bib")).isEqualTo("A04");
    }

    private List<String> actions() {
        return season.get("/api/v1/audit?contestId=" + contest).getJsonArray("items").stream()
                .map(e -> ((JsonObject) e).getString("action")).toList();
    }
}
