package org.craftmark.server.live;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.craftmark.core.marking.Criterion;
import org.craftmark.core.marking.Kind;
import org.craftmark.core.marking.Method;
import org.craftmark.server.store.ContestStore.Visibility;
import org.craftmark.server.testing.Api;
import org.craftmark.server.testing.Backend;
import org.craftmark.server.testing.LiveScreen;
import org.craftmark.server.testing.MarkingFixture;
import org.craftmark.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An ON_PUBLISH contest shows nothing before publication to anyone but ADMIN, its organizers and the
 * event's panel, who see it all along.
 */
@DisplayName("Who sees results before publication")
class ResultsVisibilityTest {
    private static TestServer server;
    private static Vertx vertx;
    private static MarkingFixture season;

    @BeforeAll
    static void start() {
        server = TestServer.start(Backend.H2);
        vertx = Vertx.vertx();
        season = MarkingFixture.create(server,
                List.of(new Criterion("A1", "A", "尺寸", Kind.MEASUREMENT, BigDecimal.valueOf(30), Method.SINGLE, 1)),
                List.of(), List.of("A01", "A02"), List.of("vis-chief", "vis-j1"), Visibility.ON_PUBLISH);
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
        server.close();
    }

    @Test
    void thePublicGets403ResultsNotPublishedOverRest() {
        Api.Response response = server.api().get("/api/v1/events/" + season.eventId + "/leaderboard", null);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.errorCode()).isEqualTo("RESULTS_NOT_PUBLISHED");
    }

    @Test
    void thePublicWebSocketUpgradeIsRefusedWith403() throws Exception {
        assertThat(LiveFeedTest.upgradeStatus(server, "/ws/live?eventId=" + season.eventId)).isEqualTo(403);
    }

    @Test
    @DisplayName("a signed-in judge who is not on the event's panel gets 403 over REST and over the feed")
    void aJudgeOffThePanelIsRefused() throws Exception {
        MarkingFixture other = MarkingFixture.create(server,
                List.of(new Criterion("A1", "A", "尺寸", Kind.MEASUREMENT, BigDecimal.valueOf(30), Method.SINGLE, 1)),
                List.of(), List.of("B01"), List.of("vis-elsewhere"), Visibility.LIVE);
        Api api = server.api();
        String token = api.token("vis-elsewhere", MarkingFixture.JUDGE_PASSWORD);

        Api.Response response = api.get("/api/v1/events/" + season.eventId + "/leaderboard", token);
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.errorCode()).isEqualTo("RESULTS_NOT_PUBLISHED");
        String ticket = api.post("/api/v1/auth/ws-ticket", new JsonObject(), token).json().getString("ticket");
        assertThat(LiveFeedTest.upgradeStatus(server, "/ws/live?eventId=" + season.eventId + "&ticket=" + ticket)).isEqualTo(403);
        // The same judge sees the LIVE contest they are not even on: LIVE results are public.
        assertThat(api.get("/api/v1/events/" + other.eventId + "/leaderboard", null).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("an HR user, out of the contest's organizers, gets 403 before publication; the organizer sees it")
    void hrIsRefusedAndTheOrganizerSeesIt() {
        Api api = server.api();
        String admin = api.token("admin", TestServer.ADMIN_PASSWORD);
        api.post("/api/v1/users", new JsonObject().put("username", "vis-hr").put("password", "hr-pass-1").put("role", "HR")
                .put("displayName", "人社局").put("regionCode", "110112"), admin);
        api.post("/api/v1/users", new JsonObject().put("username", "vis-org").put("password", "org-pass-1").put("role", "ORGANIZER")
                .put("displayName", "组委会").put("regionCode", "110000"), admin);

        Api.Response hr = api.get("/api/v1/events/" + season.eventId + "/leaderboard", api.token("vis-hr", "hr-pass-1"));
        Api.Response organizer = api.get("/api/v1/events/" + season.eventId + "/leaderboard", api.token("vis-org", "org-pass-1"));

        assertThat(hr.status()).isEqualTo(403);
        assertThat(hr.errorCode()).isEqualTo("RESULTS_NOT_PUBLISHED");
        assertThat(organizer.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/events/" + season.eventId + "/leaderboard", admin).status()).isEqualTo(200);
    }

    @Test
    void aJudgeSeesTheBoardOverRestAndWithATicketOverTheFeed() {
        Api api = server.api();
        String token = api.token("vis-j1", MarkingFixture.JUDGE_PASSWORD);
        JsonObject board = api.get("/api/v1/events/" + season.eventId + "/leaderboard", token).json();
        assertThat(board.getJsonArray("rows")).hasSize(2);
        assertThat(board.getBoolean("published")).isFalse();

        String ticket = api.post("/api/v1/auth/ws-ticket", new JsonObject(), token).json().getString("ticket");
        try (LiveScreen screen = LiveScreen.open(vertx, api, season.eventId, null, ticket)) {
            screen.awaitSeq(board.getLong("seq"));
            assertThat(screen.rows()).hasSize(2);
        }
    }

    @Test
    @DisplayName("an organizer's signed-in screen closes when the organizer is disabled; an anonymous screen stays")
    void aSignedInScreenClosesWhenItsSessionsEnd() {
        Api api = server.api();
        String admin = api.token("admin", TestServer.ADMIN_PASSWORD);
        long organizerId = api.post("/api/v1/users", new JsonObject().put("username", "vis-screen").put("password", "org-pass-1")
                .put("role", "ORGANIZER").put("displayName", "大屏").put("regionCode", "110000"), admin).json().getLong("id");
        MarkingFixture open = MarkingFixture.create(server,
                List.of(new Criterion("A1", "A", "尺寸", Kind.MEASUREMENT, BigDecimal.valueOf(30), Method.SINGLE, 1)),
                List.of(), List.of("C01"), List.of("vis-open-j"), Visibility.LIVE);
        String ticket = api.post("/api/v1/auth/ws-ticket", new JsonObject(), api.token("vis-screen", "org-pass-1")).json().getString("ticket");
        try (LiveScreen signedIn = LiveScreen.open(vertx, api, season.eventId, null, ticket);
             LiveScreen anonymous = LiveScreen.open(vertx, api, open.eventId, null, null)) {
            signedIn.awaitSeq(0);
            anonymous.awaitSeq(0);

            assertThat(api.patch("/api/v1/users/" + organizerId, new JsonObject().put("disabled", true), admin).status()).isEqualTo(200);

            assertThat(signedIn.awaitClosed()).as("policy violation: sign in again").isEqualTo((short) 1008);
            assertThat(server.app().services().live().signedIn().open()).isZero();
            assertThat(api.get("/api/v1/events/" + open.eventId + "/leaderboard", null).status()).isEqualTo(200);
            assertThat(anonymous.closed()).as("a public screen needs no session").isFalse();
        }
    }
}
