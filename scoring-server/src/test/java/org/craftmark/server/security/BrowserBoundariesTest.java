package org.craftmark.server.security;

import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import org.craftmark.server.config.ServerConfig;
import org.craftmark.server.testing.Api;
import org.craftmark.server.testing.Backend;
import org.craftmark.server.testing.SeasonOverHttp;
import org.craftmark.server.testing.TestServer;
import org.craftmark.server.testing.TestVertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a browser is told and allowed: security headers on every answer, CORS closed, and only our
 * own pages (or the configured ones) opening the WebSockets.
 */
@DisplayName("Browser boundaries: headers, CORS, WebSocket origins")
class BrowserBoundariesTest {
    private static final String SCREENS = "https://screens.example.org";
    private static final String HOSTILE = "https://evil.example.com";
    private static TestServer server;
    private static SeasonOverHttp season;
    private static long event;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = TestServer.start(Backend.H2, new ServerConfig.SecuritySettings(Duration.ofHours(12), List.of(SCREENS + "/")));
        season = new SeasonOverHttp(server, TestVertx.shared());
        season.regions();
        event = season.event(season.contest("边界赛", "DISTRICT", "110112", null, 7), "6-20-01-01", "钳工", null, null);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/console/", "/judge/", "/live/1", "/results/1", "/verify/X", "/assets/craftmark.css",
            "/api/v1/openapi.yaml", "/health", "/api/v1/nothing-here"})
    @DisplayName("every answer carries CSP with frame-ancestors 'none', nosniff and no-referrer")
    void securityHeadersOnEveryAnswer(String path) throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(uri(path)).GET());
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("frame-ancestors 'none'", "script-src 'self'", "style-src 'self'", "object-src 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    }

    @Test
    @DisplayName("CORS is closed: no Access-Control-Allow-* for another origin, and a preflight is not granted")
    void corsIsClosed() throws Exception {
        HttpResponse<String> read = send(HttpRequest.newBuilder(uri("/api/v1/events/" + event + "/leaderboard"))
                .header("Origin", HOSTILE).GET());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(accessControlHeaders(read)).isEmpty();

        HttpResponse<String> preflight = send(HttpRequest.newBuilder(uri("/api/v1/auth/login"))
                .header("Origin", HOSTILE).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,authorization")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(preflight.statusCode()).as("a preflight is not granted").isGreaterThanOrEqualTo(400).isLessThan(500);
        assertThat(accessControlHeaders(preflight)).isEmpty();
        assertThat(new JsonObject(preflight.body()).getJsonObject("error").getString("code")).isEqualTo("NOT_FOUND");
    }

    @Test
    @DisplayName("/ws/live opens for our own origin, the public URL, an allowed origin and no origin; a foreign page gets 403")
    void liveScreenOrigins() {
        String path = "/ws/live?eventId=" + event;
        assertThat(upgrade(path, null)).as("no Origin: not a browser").isEqualTo(101);
        assertThat(upgrade(path, server.api().baseUrl())).as("the Host it was reached at").isEqualTo(101);
        assertThat(upgrade(path, TestServer.PUBLIC_URL)).as("the configured public URL").isEqualTo(101);
        assertThat(upgrade(path, SCREENS)).as("--allowed-origins").isEqualTo(101);
        assertThat(upgrade(path, HOSTILE)).isEqualTo(403);
        assertThat(upgrade(path, "null")).as("a sandboxed or file: page").isEqualTo(403);
        assertThat(upgrade(path, SCREENS + ".evil.example.com")).as("a look-alike").isEqualTo(403);
    }

    @Test
    @DisplayName("/ws/judge refuses a foreign page before reading its ticket, which stays usable once, by our tablet")
    void judgeSocketOriginsAndSingleUseTickets() {
        season.judge("origin-judge");
        String token = server.api().token("origin-judge", SeasonOverHttp.JUDGE_PASSWORD);
        String ticket = ticket(token).json().getString("ticket");

        assertThat(upgrade("/ws/judge?ticket=" + ticket, HOSTILE)).isEqualTo(403);
        assertThat(upgrade("/ws/judge?ticket=" + ticket, server.api().baseUrl())).as("the ticket was not used up").isEqualTo(101);
        assertThat(upgrade("/ws/judge?ticket=" + ticket, server.api().baseUrl())).as("a ticket is valid once").isEqualTo(401);
        assertThat(upgrade("/ws/judge?ticket=forged", null)).isEqualTo(401);
    }

    @Test
    @DisplayName("tickets are issued at most 30 a minute per user: then 429 RATE_LIMITED with Retry-After")
    void ticketIssueIsRateLimited() {
        season.judge("ticket-flood");
        String token = server.api().token("ticket-flood", SeasonOverHttp.JUDGE_PASSWORD);
        for (int i = 0; i < 30; i++) {
            assertThat(ticket(token).status()).isEqualTo(200);
        }
        Api.Response refused = ticket(token);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.errorCode()).isEqualTo("RATE_LIMITED");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 61L);
        assertThat(ticket(season.admin()).status()).as("another user is not held back").isEqualTo(200);
    }

    private static Api.Response ticket(String token) {
        return server.api().post("/api/v1/auth/ws-ticket", new JsonObject(), token);
    }

    /** The upgrade's answer: 101 when the socket opened, else the HTTP status it was refused with. */
    private static int upgrade(String path, String origin) {
        URI base = URI.create(server.api().baseUrl());
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(base.getHost()).setPort(base.getPort()).setURI(path);
        if (origin != null) {
            options.addHeader("Origin", origin);
        }
        WebSocketClient client = TestVertx.shared().createWebSocketClient();
        try {
            client.connect(options).await().close().await();
            return 101;
        } catch (UpgradeRejectedException refused) {
            return refused.getStatus();
        } finally {
            client.close();
        }
    }

    private static List<String> accessControlHeaders(HttpResponse<?> response) {
        return response.headers().map().keySet().stream().filter(h -> h.toLowerCase().startsWith("access-control-")).toList();
    }

    private URI uri(String path) {
        return URI.create(server.api().baseUrl() + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
