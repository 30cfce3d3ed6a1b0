package org.craftmark.server.chief;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.craftmark.core.contest.EntryStatus;
import org.craftmark.core.marking.Criterion;
import org.craftmark.core.marking.Kind;
import org.craftmark.core.marking.Method;
import org.craftmark.server.testing.Api;
import org.craftmark.server.testing.Backend;
import org.craftmark.server.testing.MarkingFixture;
import org.craftmark.server.testing.TestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.craftmark.server.chief.Desk.accept;
import static org.craftmark.server.chief.Desk.mark;
import static org.craftmark.server.chief.Desk.token;

/** The chief's progress view, number by number, for a small event worked out by hand. */
@ParameterizedClass(name = "on {0}")
@EnumSource(Backend.class)
@DisplayName("Marking progress")
class MarkingProgressTest {
    @Parameter
    Backend backend;
    private static TestServer server;

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

    /**
     * Per judge and criterion: "in" marks given, "missing" entries still awaiting this judge's mark
     * (not complete yet). A01–A03 ACTIVE, A04 DQ. Judges: the chief, j1, j2 (all criteria), b (B1 only), x (all, but in
     * conflict with A02). Marks: j1 A01 A1/B1/W1=0, A02 B1, A03 A1, A04 A1 (DQ: not counted); j2 A01
     * B1/W1=3, A02 W1=2; b A03 B1; x A01 W1=1, A03 W1=1.
     */
    @Test
    void countsMarksInAndMissingPerJudgeCompletenessPerCriterionAndOpenDiscrepancies() {
        MarkingFixture season = MarkingFixture.create(server, List.of(
                        new Criterion("A1", "A", "尺寸", Kind.MEASUREMENT, BigDecimal.valueOf(30), Method.SINGLE, 1),
                        new Criterion("B1", "B", "工艺", Kind.JUDGEMENT, BigDecimal.valueOf(20), Method.MEAN, 2),
                        new Criterion("W1", "B", "外观", Kind.JUDGEMENT, BigDecimal.valueOf(9), Method.WSS, 3)),
                List.of(), List.of("A01", "A02", "A03", "A04"), List.of("pg-chief", "pg-j1", "pg-j2"));
        season.seatJudgeFor("pg-b", List.of("B1"));
        season.seatConflictedJudge("pg-x", "A02");
        Api api = server.api();
        accept(api, token(api, "pg-j1"), mark(season, "A01", "A1", 20), mark(season, "A01", "B1", 10), mark(season, "A01", "W1", 0),
                mark(season, "A02", "B1", 12), mark(season, "A03", "A1", 18), mark(season, "A04", "A1", 25));
        accept(api, token(api, "pg-j2"), mark(season, "A01", "B1", 11), mark(season, "A01", "W1", 3), mark(season, "A02", "W1", 2));
        accept(api, token(api, "pg-b"), mark(season, "A03", "B1", 15));
        accept(api, token(api, "pg-x"), mark(season, "A01", "W1", 1), mark(season, "A03", "W1", 1));
        season.setStatus("A04", EntryStatus.DQ);

        Api.Response response = api.get("/api/v1/events/" + season.eventId + "/progress", token(api, "pg-chief"));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonObject progress = response.json();
        assertThat(progress.getLong("eventId")).isEqualTo(season.eventId);
        assertThat(progress.getBoolean("locked")).isFalse();
        assertThat(progress.getValue("recheck")).isNull();
        assertThat(progress.containsKey("recheck")).isTrue();

        JsonArray judges = progress.getJsonArray("judges");
        assertThat(judges.stream().map(j -> ((JsonObject) j).getString("username")))
                .containsExactly("pg-chief", "pg-j1", "pg-j2", "pg-b", "pg-x");
        assertThat(judges.getJsonObject(0).getString("role")).isEqualTo("CHIEF");
        assertThat(judges.getJsonObject(0).getLong("userId")).isEqualTo(season.judges.get("pg-chief"));
        assertThat(judges.getJsonObject(0).getString("displayName")).isEqualTo("pg-chief");
        assertThat(judges.getJsonObject(1).getString("role")).isEqualTo("JUDGE");
        assertThat(counts(judges.getJsonObject(0))).as("A1 of A01 and A03 is complete: nothing awaits the chief there")
                .isEqualTo("A1 0/1, B1 0/2, W1 0/3");
        assertThat(counts(judges.getJsonObject(1))).isEqualTo("A1 2/1, B1 2/1, W1 1/2");
        assertThat(counts(judges.getJsonObject(2))).isEqualTo("A1 0/1, B1 1/2, W1 2/1");
        assertThat(counts(judges.getJsonObject(3))).isEqualTo("B1 1/1");
        assertThat(counts(judges.getJsonObject(4))).as("A02 is not theirs to mark").isEqualTo("A1 0/0, B1 0/1, W1 2/0");
        assertThat(judges.getJsonObject(4).getJsonArray("criteria").getJsonObject(0).getInteger("assigned")).isEqualTo(2);
        assertThat(judges.getJsonObject(4).getInteger("conflicts")).isEqualTo(1);
        assertThat(judges.getJsonObject(4).getBoolean("nothingAssigned")).isFalse();

        JsonObject marks = progress.getJsonObject("marks");
        assertThat(marks.getInteger("expected")).as("3 ACTIVE entries × (1 + 2 + 3) required marks").isEqualTo(18);
        assertThat(marks.getInteger("in")).as("A01 1+2+3, A02 0+1+1, A03 1+1+1").isEqualTo(11);
        assertThat(marks.getInteger("percent")).isEqualTo(61);

        assertThat(progress.getJsonArray("criteria").stream().map(c -> (JsonObject) c)
                .map(c -> c.getString("code") + " " + c.getInteger("complete") + "/" + c.getInteger("incomplete")))
                .containsExactly("A1 2/1", "B1 1/2", "W1 0/3");
        JsonArray discrepancies = progress.getJsonArray("discrepancies");
        assertThat(discrepancies).hasSize(1);
        JsonObject open = discrepancies.getJsonObject(0);
        assertThat(open.getLong("entryId")).isEqualTo(season.entry("A01"));
        assertThat(open.getString("bib") + " " + open.getString("criterion")).isEqualTo("A01 W1");
        assertThat(open.getJsonArray("marks").stream().map(m -> (JsonObject) m)
                .map(m -> m.getString("name") + "=" + m.getValue("value")))
                .as("each judge's mark, so the chief sees who is out of line")
                .containsExactly("pg-j1=0", "pg-j2=3", "pg-x=1");
    }

    /**
     * Every entry marked as the scheme requires: 100 %, nothing missing anywhere, though three judges
     * sit on a SINGLE criterion (expected counts required judges, not seats) and one judge is in
     * conflict with one entry; a judge in conflict with every entry has nothing assigned.
     */
    @Test
    @DisplayName("a fully marked event shows 100 % with no missing cells, conflicts counted right")
    void aFullyMarkedEventIsComplete() {
        MarkingFixture season = MarkingFixture.create(server, List.of(
                        new Criterion("A1", "A", "尺寸", Kind.MEASUREMENT, BigDecimal.valueOf(30), Method.SINGLE, 1),
                        new Criterion("B1", "B", "工艺", Kind.JUDGEMENT, BigDecimal.valueOf(20), Method.MEAN, 2)),
                List.of(), List.of("F01", "F02"), List.of("pf-chief", "pf-j1", "pf-j2"));
        season.seatConflictedJudge("pf-x", "F02");
        season.seatConflictedJudge("pf-y", "F01");
        season.seatJudgeFor("pf-watcher", List.of());
        Api api = server.api();
        accept(api, token(api, "pf-j1"), mark(season, "F01", "A1", 20), mark(season, "F01", "B1", 10), mark(season, "F02", "B1", 12));
        accept(api, token(api, "pf-x"), mark(season, "F01", "B1", 11));
        accept(api, token(api, "pf-j2"), mark(season, "F02", "A1", 18), mark(season, "F02", "B1", 13));

        JsonObject progress = api.get("/api/v1/events/" + season.eventId + "/progress", token(api, "pf-chief")).json();

        JsonObject marks = progress.getJsonObject("marks");
        assertThat(marks.getInteger("expected")).isEqualTo(6);
        assertThat(marks.getInteger("in")).isEqualTo(6);
        assertThat(marks.getInteger("percent")).isEqualTo(100);
        assertThat(progress.getJsonArray("judges").stream().map(j -> (JsonObject) j)
                .flatMap(j -> j.getJsonArray("criteria").stream().map(c -> (JsonObject) c))
                .mapToInt(c -> c.getInteger("missing")).sum()).as("missing cells").isZero();
        assertThat(progress.getJsonArray("criteria").stream().map(c -> ((JsonObject) c).getInteger("incomplete"))).containsOnly(0);
        assertThat(progress.getJsonArray("shortOfJudges")).isEmpty();
        JsonObject watcher = progress.getJsonArray("judges").stream().map(j -> (JsonObject) j)
                .filter(j -> j.getString("username").equals("pf-watcher")).findFirst().orElseThrow();
        assertThat(watcher.getBoolean("nothingAssigned")).as("seated on no criterion: nothing assigned, not ✓").isTrue();
        JsonObject y = progress.getJsonArray("judges").stream().map(j -> (JsonObject) j)
                .filter(j -> j.getString("username").equals("pf-y")).findFirst().orElseThrow();
        assertThat(y.getInteger("conflicts")).isEqualTo(1);
        assertThat(y.getJsonArray("criteria").getJsonObject(0).getInteger("assigned")).isEqualTo(1);
    }

    /** "code in/missing, …" for one judge. */
    private static String counts(JsonObject judge) {
        return String.join(", ", judge.getJsonArray("criteria").stream().map(c -> (JsonObject) c)
                .map(c -> c.getString("code") + " " + c.getInteger("in") + "/" + c.getInteger("missing")).toList());
    }
}
