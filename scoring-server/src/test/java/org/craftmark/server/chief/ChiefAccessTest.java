package org.craftmark.server.chief;

import io.vertx.core.json.JsonObject;
import org.craftmark.core.marking.Criterion;
import org.craftmark.core.marking.Kind;
import org.craftmark.core.marking.Method;
import org.craftmark.server.Craftmark;
import org.craftmark.server.auth.Role;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.store.RegionStore.StoredRegion;
import org.craftmark.server.testing.Api;
import org.craftmark.server.testing.Backend;
import org.craftmark.server.testing.MarkingFixture;
import org.craftmark.server.testing.TestServer;
import org.craftmark.server.users.UserService.NewUserRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.craftmark.server.chief.Desk.accept;
import static org.craftmark.server.chief.Desk.error;
import static org.craftmark.server.chief.Desk.mark;
import static org.craftmark.server.chief.Desk.reason;
import static org.craftmark.server.chief.Desk.token;

/**
 * Only the event's chief judge acts (lock, unlock, correct, recheck); the organizer in scope and
 * ADMIN may look (progress, recheck). The chief may also set entry status and time.
 */
@DisplayName("Who may use the chief judge's tools")
class ChiefAccessTest {
    private static final String PASSWORD = "organizer-pw-1";
    private static TestServer server;
    private static MarkingFixture season;
    private static MarkingFixture other;
    private static Map<String, String> tokens;

    @BeforeAll
    static void start() {
        server = TestServer.start(Backend.H2);
        season = MarkingFixture.create(server, List.of(
                        new Criterion("A1", "A", "尺寸", Kind.MEASUREMENT, BigDecimal.valueOf(30), Method.SINGLE, 1)),
                List.of(), List.of("A01", "A02"), List.of("ac-chief", "ac-j1"));
        other = MarkingFixture.create(server, List.of(
                        new Criterion("A1", "A", "尺寸", Kind.MEASUREMENT, BigDecimal.valueOf(30), Method.SINGLE, 1)),
                List.of(), List.of("B01"), List.of("ac-other-chief"));
        Craftmark.Services services = server.app().services();
        SignedInUser admin = services.users().find("admin").orElseThrow();
        services.regionService().create(admin, new StoredRegion("310000", "上海市", "CITY", "000000"));
        services.users().create(admin, new NewUserRequest("ac-org-district", PASSWORD, Role.ORGANIZER, "通州组织者", "110112", null));
        services.users().create(admin, new NewUserRequest("ac-org-city", PASSWORD, Role.ORGANIZER, "北京组织者", "110000", null));
        services.users().create(admin, new NewUserRequest("ac-org-elsewhere", PASSWORD, Role.ORGANIZER, "上海组织者", "310000", null));
        services.users().create(admin, new NewUserRequest("ac-hr", PASSWORD, Role.HR, "人社", "110000", null));
        Api api = server.api();
        accept(api, token(api, "ac-j1"), mark(season, "A01", "A1", 20), mark(season, "A02", "A1", 21));
        tokens = Map.of(
                "chief", token(api, "ac-chief"),
                "judge", token(api, "ac-j1"),
                "otherChief", token(api, "ac-other-chief"),
                "organizer", api.token("ac-org-district", PASSWORD),
                "cityOrganizer", api.token("ac-org-city", PASSWORD),
                "elsewhere", api.token("ac-org-elsewhere", PASSWORD),
                "hr", api.token("ac-hr", PASSWORD),
                "admin", api.token("admin", TestServer.ADMIN_PASSWORD));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Api api() {
        return server.api();
    }

    private static String event(String action) {
        return "/api/v1/events/" + season.eventId + "/" + action;
    }

    private static JsonObject correction() {
        return new JsonObject().put("criterion", "A1").put("judgeUserId", season.judges.get("ac-j1")).put("value", 22).put("reason", "更正");
    }

    @Test
    void onlyTheEventsChiefMayLockUnlockCorrectAndRecheck() {
        for (String caller : List.of("judge", "otherChief", "organizer", "cityOrganizer", "hr", "admin")) {
            String token = tokens.get(caller);
            error(api().post(event("lock"), new JsonObject(), token), 403, "FORBIDDEN");
            error(api().post(event("unlock"), reason("x"), token), 403, "FORBIDDEN");
            error(api().post("/api/v1/entries/" + season.entry("A01") + "/corrections", correction(), token), 403, "FORBIDDEN");
            error(api().post(event("recheck"), new JsonObject().put("seed", 1), token), 403, "FORBIDDEN");
        }
        for (String action : List.of("lock", "unlock", "recheck")) {
            error(api().post(event(action), reason("x"), null), 401, "UNAUTHENTICATED");
        }
        error(api().post("/api/v1/entries/" + season.entry("A01") + "/corrections", correction(), null), 401, "UNAUTHENTICATED");
        assertThat(api().get("/api/v1/events/" + season.eventId, tokens.get("chief")).json().getBoolean("locked")).isFalse();
    }

    @Test
    void onlyTheChiefRecordsRecheckOutcomes() {
        Api.Response started = api().post("/api/v1/events/" + other.eventId + "/recheck", new JsonObject().put("seed", 5),
                tokens.get("otherChief"));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String item = "/api/v1/rechecks/" + started.json().getLong("id") + "/items/" + other.entry("B01");
        JsonObject confirmed = new JsonObject().put("outcome", "CONFIRMED");

        for (String caller : List.of("judge", "chief", "organizer", "admin")) {
            error(api().post(item, confirmed, tokens.get(caller)), 403, "FORBIDDEN");
        }
        error(api().post(item, confirmed, null), 401, "UNAUTHENTICATED");
        assertThat(api().post(item, confirmed, tokens.get("otherChief")).status()).isEqualTo(200);
    }

    @Test
    void theChiefTheOrganizerInScopeAndAdminSeeProgressAndRechecks() {
        for (String caller : List.of("chief", "organizer", "cityOrganizer", "admin")) {
            Api.Response progress = api().get(event("progress"), tokens.get(caller));
            assertThat(progress.status()).as(caller + ": " + progress.body()).isEqualTo(200);
            // No recheck was started on this event: the organizer is told so, not refused.
            error(api().get(event("recheck"), tokens.get(caller)), 404, "NOT_FOUND");
        }
        for (String caller : List.of("judge", "otherChief", "elsewhere", "hr")) {
            error(api().get(event("progress"), tokens.get(caller)), 403, "FORBIDDEN");
            error(api().get(event("recheck"), tokens.get(caller)), 403, "FORBIDDEN");
        }
        error(api().get(event("progress"), null), 401, "UNAUTHENTICATED");
        error(api().get("/api/v1/events/999999/progress", tokens.get("admin")), 404, "NOT_FOUND");
        error(api().get("/api/v1/events/999999/recheck", tokens.get("admin")), 404, "NOT_FOUND");
    }

    @Test
    void theChiefMayAlsoSetEntryStatusAndTimeButAPlainJudgeMayNot() {
        String status = "/api/v1/entries/" + season.entry("A02") + "/status";
        String time = "/api/v1/entries/" + season.entry("A02") + "/time";

        Api.Response dq = api().post(status, new JsonObject().put("status", "DQ").put("reason", "违规操作"), tokens.get("chief"));
        assertThat(dq.status()).as(dq.body()).isEqualTo(200);
        assertThat(dq.json().getString("status")).isEqualTo("DQ");
        assertThat(api().put(time, new JsonObject().put("seconds", 5400), tokens.get("chief")).status()).isEqualTo(200);
        error(api().post(status, new JsonObject().put("status", "DNS"), tokens.get("chief")), 400, "VALIDATION_FAILED");

        error(api().post(status, new JsonObject().put("status", "ACTIVE"), tokens.get("judge")), 403, "FORBIDDEN");
        error(api().put(time, new JsonObject().put("seconds", 60), tokens.get("judge")), 403, "FORBIDDEN");
        error(api().post(status, new JsonObject().put("status", "ACTIVE"), tokens.get("otherChief")), 403, "FORBIDDEN");

        Api.Response active = api().post(status, new JsonObject().put("status", "ACTIVE"), tokens.get("organizer"));
        assertThat(active.status()).as(active.body()).isEqualTo(200);
        assertThat(active.json().getString("status")).isEqualTo("ACTIVE");
    }
}
