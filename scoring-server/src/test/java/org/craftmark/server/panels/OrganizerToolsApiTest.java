package org.craftmark.server.panels;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
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
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What the console and the tablet need beyond marking: users, seats, a judge's own marks, mark history. */
@ParameterizedClass(name = "on {0}")
@EnumSource(Backend.class)
@DisplayName("Organizer and judge tools")
class OrganizerToolsApiTest {
    @Parameter
    Backend backend;
    private static TestServer server;
    private static final List<Criterion> SCHEME = List.of(
            new Criterion("A1", "A", "尺寸", Kind.MEASUREMENT, BigDecimal.valueOf(30), Method.SINGLE, 1),
            new Criterion("B1", "B", "工艺", Kind.JUDGEMENT, BigDecimal.valueOf(20), Method.MEAN, 2));

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

    private static String admin(Api api) {
        return api.token("admin", TestServer.ADMIN_PASSWORD);
    }

    private static JsonObject mark(MarkingFixture season, String bib, String criterion, Object value) {
        return new JsonObject().put("clientMarkId", UUID.randomUUID().toString()).put("eventId", season.eventId)
                .put("entryId", season.entry(bib)).put("criterion", criterion).put("value", value);
    }

    @Test
    @DisplayName("judges are found by name or unit; a new password or disabling ends their sessions")
    void usersAreFoundAndChanged() {
        MarkingFixture season = MarkingFixture.create(server, SCHEME, List.of(), List.of("U01"), List.of("ut-chief", "ut-judge"));
        Api api = server.api();
        String admin = admin(api);
        JsonArray found = api.get("/api/v1/users?role=JUDGE&q=" + "裁判单位-ut-judge", admin).json().getJsonArray("items");
        assertThat(found.stream().map(u -> ((JsonObject) u).getString("username"))).containsExactly("ut-judge");
        assertThat(api.get("/api/v1/users?role=NOBODY", admin).errorCode()).isEqualTo("VALIDATION_FAILED");

        String judgeToken = api.token("ut-judge", MarkingFixture.JUDGE_PASSWORD);
        long judgeId = season.judges.get("ut-judge");
        Api.Response renamed = api.patch("/api/v1/users/" + judgeId, new JsonObject().put("displayName", "王师傅"), admin);
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.json().getString("displayName")).isEqualTo("王师傅");
        assertThat(api.get("/api/v1/events/" + season.eventId + "/my-marks", judgeToken).status()).as("a new name keeps the session").isEqualTo(200);

        Api.Response reset = api.patch("/api/v1/users/" + judgeId, new JsonObject().put("password", "new-password-2"), admin);
        assertThat(reset.status()).as(reset.body()).isEqualTo(200);
        assertThat(api.get("/api/v1/events/" + season.eventId + "/my-marks", judgeToken).status()).as("the old session ends").isEqualTo(401);
        String fresh = api.token("ut-judge", "new-password-2");

        assertThat(api.patch("/api/v1/users/" + judgeId, new JsonObject().put("disabled", true), admin).json().getBoolean("disabled")).isTrue();
        assertThat(api.get("/api/v1/events/" + season.eventId + "/my-marks", fresh).status()).isEqualTo(401);
        assertThat(api.login("ut-judge", "new-password-2").status()).as("a disabled user cannot sign in").isEqualTo(401);

        Api.Response shortPassword = api.patch("/api/v1/users/" + judgeId, new JsonObject().put("password", "123"), admin);
        assertThat(shortPassword.status()).isEqualTo(400);
        JsonObject detail = shortPassword.json().getJsonObject("error").getJsonArray("details").getJsonObject(0);
        assertThat(detail.getString("field")).isEqualTo("password");
        assertThat(detail.getString("key")).as("a stable key the apps translate").isEqualTo("lengthBetween");
        assertThat(api.patch("/api/v1/users/" + judgeId, new JsonObject().put("disabled", "yes"), admin).errorCode()).isEqualTo("MALFORMED");
        assertThat(api.patch("/api/v1/users/999999", new JsonObject().put("displayName", "x"), admin).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/users", api.token("ut-chief", MarkingFixture.JUDGE_PASSWORD)).status()).as("judges list nobody").isEqualTo(403);
    }

    @Test
    @DisplayName("a fresh tablet reads back the judge's marks; an unseated judge's marks stay in history and stop counting")
    void myMarksAndUnseating() {
        MarkingFixture season = MarkingFixture.create(server, SCHEME, List.of(), List.of("M01", "M02"), List.of("mm-chief", "mm-a", "mm-b"));
        Api api = server.api();
        String a = api.token("mm-a", MarkingFixture.JUDGE_PASSWORD);
        JsonObject first = mark(season, "M01", "B1", 12);
        api.post("/api/v1/marks:batch", new JsonObject().put("marks", new JsonArray().add(first).add(mark(season, "M01", "A1", 20))), a);

        JsonArray mine = api.get("/api/v1/events/" + season.eventId + "/my-marks", a).json().getJsonArray("items");
        assertThat(mine.stream().map(m -> (JsonObject) m).map(m -> m.getString("criterion") + "=" + m.getValue("value")))
                .containsExactlyInAnyOrder("A1=20", "B1=12");
        assertThat(mine.stream().map(m -> ((JsonObject) m).getString("clientMarkId"))).contains(first.getString("clientMarkId"));
        assertThat(api.get("/api/v1/events/" + season.eventId + "/my-marks", admin(api)).status()).as("not on the panel").isEqualTo(403);

        String admin = admin(api);
        long judgeA = season.judges.get("mm-a");
        assertThat(api.get("/api/v1/events/" + season.eventId + "/leaderboard", admin).json().getJsonArray("rows").getJsonObject(0)
                .getValue("total").toString()).isEqualTo("32");
        assertThat(api.delete("/api/v1/events/" + season.eventId + "/panel/" + judgeA, admin).status()).isEqualTo(204);
        assertThat(api.delete("/api/v1/events/" + season.eventId + "/panel/" + judgeA, admin).status()).as("already off").isEqualTo(404);

        JsonArray panel = api.get("/api/v1/events/" + season.eventId + "/panel", admin).json().getJsonArray("items");
        assertThat(panel.stream().map(p -> ((JsonObject) p).getString("username"))).containsExactly("mm-chief", "mm-b");
        assertThat(api.get("/api/v1/events/" + season.eventId + "/leaderboard", admin).json().getJsonArray("rows").stream()
                .map(r -> ((JsonObject) r).getValue("total").toString())).as("the marks stop counting").containsOnly("0");
        JsonArray history = api.get("/api/v1/entries/" + season.entry("M01") + "/marks",
                api.token("mm-chief", MarkingFixture.JUDGE_PASSWORD)).json().getJsonArray("items");
        assertThat(history.stream().map(h -> (JsonObject) h).map(h -> h.getString("criterion") + " " + h.getBoolean("current") + " " + h.getBoolean("counts")))
                .as("kept in history, not counting").containsExactlyInAnyOrder("B1 true false", "A1 true false");
    }

    @Test
    @DisplayName("before seating, the organizer sees which entries a judge will not see")
    void conflictsBeforeSeating() {
        MarkingFixture season = MarkingFixture.create(server, SCHEME, List.of(), List.of("C01", "C02"), List.of("cf-chief"));
        Api api = server.api();
        String admin = admin(api);
        long judge = api.post("/api/v1/users", new JsonObject().put("username", "cf-unit").put("password", "judge-pw-9")
                .put("role", "JUDGE").put("displayName", "同单位").put("affiliation", "单位-C02"), admin).json().getLong("id");
        JsonObject conflicts = api.get("/api/v1/events/" + season.eventId + "/conflicts?userId=" + judge, admin).json();
        assertThat(conflicts.getJsonArray("entries").stream().map(e -> ((JsonObject) e).getString("bib"))).containsExactly("C02");
        assertThat(api.get("/api/v1/events/" + season.eventId + "/conflicts?userId=abc", admin).errorCode()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    @DisplayName("entry lists mask ID numbers; the full number is an audited reveal")
    void idNumbersAreMaskedAndRevealedWithAnAudit() {
        MarkingFixture season = MarkingFixture.create(server, SCHEME, List.of(), List.of("R01"), List.of("rv-chief"));
        Api api = server.api();
        String admin = admin(api);
        JsonObject listed = api.get("/api/v1/events/" + season.eventId + "/entries", admin).json().getJsonArray("items").getJsonObject(0);
        String masked = listed.getJsonObject("competitor").getString("idNumber");
        assertThat(masked).matches("\\d{6}\\*{8}\\d{3}[\\dX]");
        JsonObject revealed = api.post("/api/v1/entries/" + season.entry("R01") + "/reveal-id", new JsonObject().put("reason", "核对"), admin).json();
        String full = revealed.getJsonObject("competitor").getString("idNumber");
        assertThat(full).hasSize(18).startsWith(masked.substring(0, 6)).endsWith(masked.substring(14));
        assertThat(api.get("/api/v1/audit?contestId=" + season.contestId, admin).body()).contains("entry.reveal-id");
        assertThat(api.post("/api/v1/entries/" + season.entry("R01") + "/reveal-id", new JsonObject(),
                api.token("rv-chief", MarkingFixture.JUDGE_PASSWORD)).status()).as("a chief judge sees no ID numbers").isEqualTo(403);
    }

    @Test
    @DisplayName("an entry is edited with the same checks as registering it, only while registration is open")
    void entriesAreEditedWhileRegistrationIsOpen() {
        MarkingFixture season = MarkingFixture.create(server, SCHEME, List.of(), List.of("E01", "E02"), List.of("ed-chief"));
        Api api = server.api();
        String admin = admin(api);
        JsonObject body = new JsonObject().put("bib", "E02").put("competitor", new JsonObject().put("name", "改名")
                .put("idNumber", "11010519491231002X"));
        Api.Response running = api.patch("/api/v1/entries/" + season.entry("E01"), body, admin);
        assertThat(running.errorCode()).as("the fixture's contest is RUNNING").isEqualTo("WRONG_STATE");
        Api.Response bad = api.patch("/api/v1/entries/" + season.entry("E01"), new JsonObject().put("bib", "E 1"), admin);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().getJsonObject("error").getJsonArray("details").stream().map(d -> ((JsonObject) d).getString("key")))
                .contains("bibFormat", "required");
    }
}
