package org.craftmark.server.users;

import io.vertx.core.json.JsonObject;
import org.craftmark.server.demo.DemoSeed;
import org.craftmark.server.testing.Api;
import org.craftmark.server.testing.OnEveryBackend;
import org.craftmark.server.testing.TestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Creating users")
class UserApiTest extends OnEveryBackend {
    private static String admin;

    @BeforeParameterizedClassInvocation
    static void seed() {
        new DemoSeed(server.app().services(), Clock.systemUTC()).seed();
        admin = api.token("admin", TestServer.ADMIN_PASSWORD);
    }

    @Test
    void adminCreatesAnOrganizerScopedToARegion() {
        Api.Response created = api.post("/api/v1/users", user("org-110112", "ORGANIZER").put("regionCode", "110112"), admin);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonObject body = created.json();
        assertThat(body.getLong("id")).isPositive();
        assertThat(body.getString("role")).isEqualTo("ORGANIZER");
        assertThat(body.getString("regionCode")).isEqualTo("110112");
        assertThat(body.containsKey("password")).isFalse();
        assertThat(api.login("org-110112", "secret-pw").status()).isEqualTo(200);
    }

    @Test
    void anOrganizerCreatesJudgesWithTheirAffiliation() {
        String organizer = api.token("beijing", DemoSeed.DEMO_PASSWORD);

        Api.Response created = api.post("/api/v1/users",
                user("judge-bj-1", "JUDGE").put("affiliation", "北京市工业技师学院"), organizer);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().getString("affiliation")).isEqualTo("北京市工业技师学院");
    }

    @Test
    void anOrganizerMayNotCreateOrganizersOrHrOrAdmins() {
        String organizer = api.token("beijing", DemoSeed.DEMO_PASSWORD);
        for (String role : List.of("ORGANIZER", "HR", "ADMIN")) {
            Api.Response refused = api.post("/api/v1/users", user("x-" + role.toLowerCase(), role).put("regionCode", "110000"), organizer);
            assertThat(refused.status()).as(role).isEqualTo(403);
            assertThat(refused.errorCode()).isEqualTo("FORBIDDEN");
        }
    }

    @Test
    void anOrganizerMayNotPlaceAJudgeOutsideItsRegion() {
        String district = api.token("tongzhou", DemoSeed.DEMO_PASSWORD);

        Api.Response refused = api.post("/api/v1/users", user("judge-cy", "JUDGE").put("regionCode", "110105"), district);

        assertThat(refused.status()).isEqualTo(403);
    }

    @Test
    void judgesAndHrCreateNobody() {
        for (String username : List.of("judge1", "hr-beijing")) {
            String token = api.token(username, DemoSeed.DEMO_PASSWORD);
            assertThat(api.post("/api/v1/users", user("made-by-" + username, "JUDGE"), token).status()).as(username).isEqualTo(403);
        }
    }

    @Test
    void withoutATokenNobodyIsCreated() {
        Api.Response refused = api.post("/api/v1/users", user("anonymous-made", "JUDGE"), null);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.errorCode()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void aTakenUsernameIs409Duplicate() {
        assertThat(api.post("/api/v1/users", user("twin", "JUDGE"), admin).status()).isEqualTo(201);

        Api.Response again = api.post("/api/v1/users", user("twin", "JUDGE"), admin);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("DUPLICATE");
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("short password", user("u-short", "JUDGE").put("password", "12345"), "VALIDATION_FAILED", "password"),
                Arguments.of("missing username", user("u", "JUDGE").putNull("username"), "VALIDATION_FAILED", "username"),
                Arguments.of("bad username", user("has space", "JUDGE"), "VALIDATION_FAILED", "username"),
                Arguments.of("unknown role", user("u-role", "CHIEF"), "VALIDATION_FAILED", "role"),
                Arguments.of("role of wrong type", user("u-role2", "JUDGE").put("role", 3), "MALFORMED", "role"),
                Arguments.of("organizer without region", user("u-org", "ORGANIZER"), "VALIDATION_FAILED", "regionCode"),
                Arguments.of("unknown region", user("u-org2", "HR").put("regionCode", "999999"), "VALIDATION_FAILED", "regionCode"),
                Arguments.of("overlong display name", user("u-long", "JUDGE").put("displayName", "名".repeat(101)), "VALIDATION_FAILED", "displayName"),
                Arguments.of("display name an array", user("u-arr", "JUDGE").put("displayName", new io.vertx.core.json.JsonArray()), "MALFORMED", "displayName"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badRequestsAre400NamingTheFieldAndCreateNothing(String why, JsonObject body, String code, String field) {
        Api.Response refused = api.post("/api/v1/users", body, admin);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo(code);
        assertThat(refused.json().getJsonObject("error").getJsonArray("details").stream()
                .map(d -> ((JsonObject) d).getString("field"))).contains(field);
        String username = body.getString("username") instanceof String u ? u : null;
        if (username != null) {
            assertThat(api.login(username, body.getValue("password") instanceof String p ? p : "secret-pw").status()).isEqualTo(401);
        }
    }

    @Test
    void aBodyThatIsNotAnObjectIsMalformed() {
        Api.Response refused = api.postRaw("/api/v1/users", "[1,2]", "application/json", admin);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("MALFORMED");
    }

    private static JsonObject user(String username, String role) {
        return new JsonObject().put("username", username).put("password", "secret-pw").put("role", role).put("displayName", "显示名");
    }
}
