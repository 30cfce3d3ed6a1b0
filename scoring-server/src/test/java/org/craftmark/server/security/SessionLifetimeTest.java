package org.craftmark.server.security;

import io.vertx.core.json.JsonObject;
import org.craftmark.server.config.ServerConfig;
import org.craftmark.server.testing.Api;
import org.craftmark.server.testing.Backend;
import org.craftmark.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Session lifetime (--session-hours)")
class SessionLifetimeTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Backend.H2, new ServerConfig.SecuritySettings(Duration.ofHours(2), List.of()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    @DisplayName("a sign-in lasts the configured two hours: its expiresAt says so, and a second later it is 401")
    void aTokenLastsTheConfiguredLifetime() {
        Api api = server.api();
        Api.Response login = api.login("admin", TestServer.ADMIN_PASSWORD);
        Instant signedIn = server.clock().instant();
        assertThat(Instant.parse(login.json().getString("expiresAt"))).isEqualTo(signedIn.plus(Duration.ofHours(2)));
        String token = login.json().getString("token");

        server.clock().advance(Duration.ofHours(2).minusSeconds(1));
        assertThat(api.post("/api/v1/auth/ws-ticket", new JsonObject(), token).status()).isEqualTo(200);
        server.clock().advance(Duration.ofSeconds(2));
        Api.Response expired = api.post("/api/v1/auth/ws-ticket", new JsonObject(), token);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.errorCode()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    @DisplayName("a lifetime of zero, over 30 days, or an origin that is not scheme://host is refused at start-up")
    void nonsenseSettingsAreRefused() {
        assertThatThrownBy(() -> new ServerConfig.SecuritySettings(Duration.ZERO, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ServerConfig.SecuritySettings(Duration.ofDays(31), List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ServerConfig.SecuritySettings(Duration.ofHours(1), List.of("screens.example.org")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ServerConfig.SecuritySettings(Duration.ofHours(1), List.of("https://a.example/path")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
