package org.craftmark.server.chief;

import io.vertx.core.json.JsonObject;
import org.craftmark.core.common.Problem;
import org.craftmark.core.marking.Criterion;
import org.craftmark.core.marking.Kind;
import org.craftmark.core.marking.Method;
import org.craftmark.server.store.MarkStore.StoredMark;
import org.craftmark.server.testing.Api;
import org.craftmark.server.testing.Backend;
import org.craftmark.server.testing.MarkingFixture;
import org.craftmark.server.testing.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.craftmark.server.chief.Desk.accept;
import static org.craftmark.server.chief.Desk.error;
import static org.craftmark.server.chief.Desk.mark;
import static org.craftmark.server.chief.Desk.reason;
import static org.craftmark.server.chief.Desk.token;

/** The chief judge corrects a judge's mark: a new version with a reason, the old one kept, the leaderboard moved. */
@ParameterizedClass(name = "on {0}")
@EnumSource(Backend.class)
@DisplayName("The chief judge corrects marks")
class ChiefCorrectionTest {
    private static final List<Criterion> SCHEME = List.of(
            new Criterion("A1", "A", "尺寸", Kind.MEASUREMENT, BigDecimal.valueOf(30), Method.SINGLE, 1),
            new Criterion("B1", "B", "工艺", Kind.JUDGEMENT, BigDecimal.valueOf(20), Method.MEAN, 2));
    private static final AtomicInteger SEASONS = new AtomicInteger();

    @Parameter
    Backend backend;
    private static TestServer server;

    private MarkingFixture season;
    private String prefix;
    private String chief;

    @BeforeParameterizedClassInvocation
    static void start(Backend backend) {
        server = TestServer.start(backend);
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static Api api() {
        return server.api();
    }

    /** A01 totals 31 (A1 20, B1 mean 11), A02 totals 39 (A1 25, B1 14): A02 leads. */
    @BeforeEach
    void markedSeason() {
        prefix = "cr" + SEASONS.incrementAndGet();
        season = MarkingFixture.create(server, SCHEME, List.of(), List.of("A01", "A02"),
                List.of(prefix + "-chief", prefix + "-j1", prefix + "-j2"));
        chief = token(api(), prefix + "-chief");
        String j1 = token(api(), prefix + "-j1");
        accept(api(), j1, mark(season, "A01", "A1", 20), mark(season, "A01", "B1", 10),
                mark(season, "A02", "A1", 25), mark(season, "A02", "B1", 14));
        accept(api(), token(api(), prefix + "-j2"), mark(season, "A01", "B1", 12), mark(season, "A02", "B1", 14));
    }

    private String correctionsOf(String bib) {
        return "/api/v1/entries/" + season.entry(bib) + "/corrections";
    }

    private JsonObject correction(String criterion, String judge, Object value, String reason) {
        return new JsonObject().put("criterion", criterion).put("judgeUserId", season.judges.get(judge))
                .put("value", value).put("reason", reason);
    }

    private List<JsonObject> leaderboard() {
        return api().get("/api/v1/events/" + season.eventId + "/leaderboard", chief).json().getJsonArray("rows")
                .stream().map(JsonObject.class::cast).toList();
    }

    @Test
    void aCorrectionIsTheJudgesNextVersionMovesTheLeaderboardAndKeepsHistory() {
        assertThat(leaderboard()).extracting(r -> r.getString("bib")).containsExactly("A02", "A01");

        Api.Response corrected = api().post(correctionsOf("A01"), correction("A1", prefix + "-j1", 29.5, "读数错误：复测为 29.5"), chief);

        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        JsonObject mark = corrected.json();
        assertThat(mark.getLong("markId")).isPositive();
        assertThat(mark.getInteger("version")).isEqualTo(2);
        assertThat(mark.getValue("value").toString()).isEqualTo("29.5");
        assertThat(mark.getValue("previousValue").toString()).isEqualTo("20");
        assertThat(mark.getLong("judgeUserId")).isEqualTo(season.judges.get(prefix + "-j1"));
        assertThat(mark.getLong("correctedBy")).isEqualTo(season.judges.get(prefix + "-chief"));
        assertThat(mark.getString("reason")).isEqualTo("读数错误：复测为 29.5");
        assertThat(mark.getString("criterion")).isEqualTo("A1");
        assertThat(mark.getLong("entryId")).isEqualTo(season.entry("A01"));

        List<JsonObject> rows = leaderboard();
        assertThat(rows).extracting(r -> r.getString("bib")).containsExactly("A01", "A02");
        assertThat(rows.getFirst().getValue("total").toString()).isEqualTo("40.5");

        List<StoredMark> history = server.app().database().stores().marks().historyOfEntry(season.entry("A01")).stream()
                .filter(m -> m.criterion().equals("A1")).toList();
        assertThat(history).extracting(m -> m.version(), m -> m.value().stripTrailingZeros().toPlainString(), StoredMark::correctedBy)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "20", null),
                        org.assertj.core.groups.Tuple.tuple(2, "29.5", season.judges.get(prefix + "-chief")));
        assertThat(history.get(1).clientMarkId()).startsWith("correction-");
        assertThat(history.get(1).reason()).isEqualTo("读数错误：复测为 29.5");

        String admin = api().token("admin", TestServer.ADMIN_PASSWORD);
        JsonObject audited = api().get("/api/v1/audit?contestId=" + season.contestId, admin).json().getJsonArray("items").stream()
                .map(JsonObject.class::cast).filter(e -> e.getString("action").equals("mark.correct")).findFirst().orElseThrow();
        assertThat(audited.getString("actor")).isEqualTo(prefix + "-chief");
        assertThat(audited.getJsonObject("data").getString("reason")).isEqualTo("读数错误：复测为 29.5");
        assertThat(audited.getJsonObject("data").getLong("markId")).isEqualTo(mark.getLong("markId"));
    }

    @Test
    @DisplayName("a correction for a judge who never marked that entry and criterion is 409 and creates nothing")
    void aCorrectionNeedsAMarkToChange() {
        long late = season.seatJudgeFor(prefix + "-b", List.of("B1"));

        Api.Response refused = api().post(correctionsOf("A02"), new JsonObject().put("criterion", "B1")
                .put("judgeUserId", late).put("value", 17).put("reason", "纸质评分表补录"), chief);

        assertThat(error(refused, 409, "CONFLICT")).containsExactly(new Problem("judgeUserId", "has no mark for entry A02 on B1"));
        assertThat(refused.json().getJsonObject("error").getString("message")).contains(prefix + "-b", "A02", "B1");
        assertThat(server.app().database().stores().marks().historyOfEntry(season.entry("A02")))
                .noneMatch(m -> m.judgeUserId() == late);
        assertThat(leaderboard().getFirst().getValue("total").toString()).isEqualTo("39");
    }

    @Test
    void badCorrectionsAreClearErrorsAndChangeNothing() {
        long b1Only = season.seatJudgeFor(prefix + "-b", List.of("B1"));
        long conflicted = season.seatConflictedJudge(prefix + "-x", "A02");

        assertThat(error(api().post(correctionsOf("A01"), new JsonObject(), chief), 400, "VALIDATION_FAILED"))
                .extracting(Problem::field).containsExactlyInAnyOrder("criterion", "judgeUserId", "value", "reason");
        error(api().post(correctionsOf("A01"), correction("A1", prefix + "-j1", "29", "x"), chief), 400, "MALFORMED");
        error(api().post(correctionsOf("A01"), correction("A1", prefix + "-j1", 29, "x").put("judgeUserId", "7"), chief), 400, "MALFORMED");
        error(api().postRaw(correctionsOf("A01"), "not json", "application/json", chief), 400, "MALFORMED");
        assertThat(error(api().post(correctionsOf("A01"), correction("Z9", prefix + "-j1", 10, "x"), chief), 400, "VALIDATION_FAILED"))
                .extracting(Problem::field).containsExactly("criterion");
        assertThat(error(api().post(correctionsOf("A01"), correction("A1", prefix + "-j1", 10, "x").put("judgeUserId", 999_999), chief),
                400, "VALIDATION_FAILED")).extracting(Problem::field).containsExactly("judgeUserId");
        assertThat(error(api().post(correctionsOf("A01"), correction("A1", prefix + "-j1", 10, "x").put("judgeUserId", b1Only), chief),
                400, "VALIDATION_FAILED")).containsExactly(new Problem("judgeUserId", "user " + b1Only + " is not assigned A1"));
        assertThat(error(api().post(correctionsOf("A01"), correction("A1", prefix + "-j1", 31, "x"), chief), 400, "VALIDATION_FAILED"))
                .extracting(Problem::field).containsExactly("value");
        assertThat(error(api().post(correctionsOf("A01"), correction("A1", prefix + "-j1", new BigDecimal("10.125"), "x"), chief), 400,
                "VALIDATION_FAILED")).extracting(Problem::field).containsExactly("value");
        assertThat(error(api().post(correctionsOf("A01"), correction("A1", prefix + "-j1", 10, "  "), chief), 400, "VALIDATION_FAILED"))
                .extracting(Problem::field).containsExactly("reason");
        error(api().post("/api/v1/entries/999999/corrections", correction("A1", prefix + "-j1", 10, "x"), chief), 404, "NOT_FOUND");
        error(api().post("/api/v1/entries/x/corrections", correction("A1", prefix + "-j1", 10, "x"), chief), 404, "NOT_FOUND");
        error(api().post(correctionsOf("A02"), correction("A1", prefix + "-j1", 10, "x").put("judgeUserId", conflicted), chief),
                409, "CONFLICT_OF_INTEREST");

        assertThat(leaderboard()).extracting(r -> r.getValue("total").toString()).containsExactly("39", "31");
        assertThat(server.app().database().stores().marks().historyOfEntry(season.entry("A01"))).extracting(StoredMark::correctedBy)
                .containsOnlyNulls();
    }

    @Test
    void correctionsWaitForTheEventToBeUnlocked() {
        String lock = "/api/v1/events/" + season.eventId + "/lock";
        assertThat(api().post(lock, new JsonObject(), chief).status()).isEqualTo(200);

        assertThat(error(api().post(correctionsOf("A01"), correction("A1", prefix + "-j1", 22, "复核更正"), chief), 409, "EVENT_LOCKED"))
                .containsExactly(new Problem("eventId", "is locked"));

        assertThat(api().post("/api/v1/events/" + season.eventId + "/unlock", reason("A01 A1 复核更正"), chief).status()).isEqualTo(200);
        Api.Response corrected = api().post(correctionsOf("A01"), correction("A1", prefix + "-j1", 22, "复核更正"), chief);
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        assertThat(api().post(lock, new JsonObject(), chief).status()).isEqualTo(200);
        assertThat(leaderboard()).extracting(r -> r.getValue("total").toString()).containsExactly("39", "33");
    }
}
