package org.craftmark.server.auth;

import io.vertx.core.json.JsonObject;
import org.craftmark.server.config.ServerConfig;
import org.craftmark.server.testing.Api;
import org.craftmark.server.testing.OnEveryBackend;
import org.craftmark.server.testing.TestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Signing in")
class AuthApiTest extends OnEveryBackend {

    @Test
    void theBootstrapAdminSignsInAndGetsATokenWithItsUser() {
        Api.Response response = api.login("admin", TestServer.ADMIN_PASSWORD);

        assertThat(response.status()).isEqualTo(200);
        JsonObject body = response.json();
        assertThat(body.getString("token")).hasSizeGreaterThanOrEqualTo(40);
        assertThat(Instant.parse(body.getString("expiresAt"))).isAfter(server.clock().instant());
        assertThat(body.getJsonObject("user").getString("username")).isEqualTo("admin");
        assertThat(body.getJsonObject("user").getString("role")).isEqualTo("ADMIN");
        assertThat(body.getJsonObject("user").containsKey("passwordHash")).isFalse();
    }

    @Test
    void aWrongPasswordIs401WithTheErrorShape() {
        Api.Response response = api.login("admin", "not-the-password");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.errorCode()).isEqualTo("UNAUTHENTICATED");
        assertThat(response.json().getJsonObject("error").getString("message")).isNotBlank();
        assertThat(response.json().getJsonObject("error").getJsonArray("details")).isNotNull();
        api.token("admin", TestServer.ADMIN_PASSWORD);
    }

    @Test
    void anUnknownUserIs401LikeAWrongPassword() {
        assertThat(api.login("nobody-here", "whatever1").status()).isEqualTo(401);
    }

    @Test
    void theSixthFailureWithinFiveMinutesLocksTheNameEvenForTheRightPassword() {
        createUser("locksmith", "right-password");
        for (int i = 1; i <= 5; i++) {
            assertThat(api.login("locksmith", "wrong-" + i).status()).as("failure %d", i).isEqualTo(401);
        }

        Api.Response sixth = api.login("locksmith", "wrong-6");
        assertThat(sixth.status()).isEqualTo(429);
        assertThat(sixth.errorCode()).isEqualTo("RATE_LIMITED");
        assertThat(Long.parseLong(sixth.header("Retry-After"))).isBetween(1L, 300L);

        Api.Response rightButLocked = api.login("locksmith", "right-password");
        assertThat(rightButLocked.status()).isEqualTo(429);

        server.clock().advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(api.login("locksmith", "right-password").status()).isEqualTo(200);
    }

    @Test
    void failuresSpreadOverMoreThanFiveMinutesDoNotLock() {
        createUser("slowpoke", "right-password");
        for (int i = 1; i <= 5; i++) {
            api.login("slowpoke", "wrong-" + i);
        }
        server.clock().advance(Duration.ofMinutes(6));

        assertThat(api.login("slowpoke", "wrong-6").status()).isEqualTo(401);
        assertThat(api.login("slowpoke", "right-password").status()).isEqualTo(200);
    }

    @Test
    void aTokenExpiresAfterTwelveHours() {
        String token = api.token("admin", TestServer.ADMIN_PASSWORD);
        assertThat(api.post("/api/v1/auth/ws-ticket", new JsonObject(), token).status()).isEqualTo(200);

        server.clock().advance(ServerConfig.SecuritySettings.DEFAULT_TOKEN_LIFETIME.plusSeconds(1));

        Api.Response expired = api.post("/api/v1/auth/ws-ticket", new JsonObject(), token);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.errorCode()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void aWebSocketTicketNeedsASignedInUser() {
        Api.Response anonymous = api.post("/api/v1/auth/ws-ticket", new JsonObject(), null);
        assertThat(anonymous.status()).isEqualTo(401);

        Api.Response bogus = api.post("/api/v1/auth/ws-ticket", new JsonObject(), "forged-token");
        assertThat(bogus.status()).isEqualTo(401);
    }

    @Test
    void aWebSocketTicketIsValidOnceForSixtySeconds() {
        String token = api.token("admin", TestServer.ADMIN_PASSWORD);
        AuthService auth = server.app().services().auth();
        String once = api.post("/api/v1/auth/ws-ticket", new JsonObject(), token).json().getString("ticket");
        String late = api.post("/api/v1/auth/ws-ticket", new JsonObject(), token).json().getString("ticket");

        assertThat(auth.redeemTicket(once)).hasValueSatisfying(u -> assertThat(u.username()).isEqualTo("admin"));
        assertThat(auth.redeemTicket(once)).as("second use").isEmpty();

        server.clock().advance(AuthService.TICKET_LIFETIME.plusSeconds(1));
        assertThat(auth.redeemTicket(late)).as("after 60 s").isEmpty();
    }

    @Test
    void loginRequestsWithMissingOrWrongTypedFieldsAre400() {
        Api.Response missing = api.post("/api/v1/auth/login", new JsonObject().put("username", "admin"), null);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(missing.json().getJsonObject("error").getJsonArray("details").getJsonObject(0).getString("field")).isEqualTo("password");

        Api.Response wrongType = api.post("/api/v1/auth/login", new JsonObject().put("username", 7).put("password", "x"), null);
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.errorCode()).isEqualTo("MALFORMED");

        Api.Response notJson = api.postRaw("/api/v1/auth/login", "{username:", "application/json", null);
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.errorCode()).isEqualTo("MALFORMED");
    }

    private static void createUser(String username, String password) {
        String admin = api.token("admin", TestServer.ADMIN_PASSWORD);
        Api.Response created = api.post("/api/v1/users", new JsonObject()
                .put("username", username).put("password", password).put("role", "JUDGE").put("displayName", username), admin);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }
}
