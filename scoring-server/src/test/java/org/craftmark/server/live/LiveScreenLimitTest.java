package org.craftmark.server.live;

import io.vertx.core.json.JsonObject;
import org.craftmark.core.marking.Criterion;
import org.craftmark.core.marking.Kind;
import org.craftmark.core.marking.Method;
import org.craftmark.server.config.LiveSettings;
import org.craftmark.server.faults.Poll;
import org.craftmark.server.testing.Backend;
import org.craftmark.server.testing.MarkingFixture;
import org.craftmark.server.testing.RawUpgrade;
import org.craftmark.server.testing.TestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node holds at most {@code --max-live-screens} screens; one more is refused before its upgrade,
 * 503 {@code UNAVAILABLE} with {@code Retry-After} in the error shape, and a screen that goes (closed
 * or dropped) makes room. One address may open {@code --live-opens-per-address} in 10 s, then 429.
 */
@DisplayName("Bounds on the live screens of a node")
class LiveScreenLimitTest {
    private static final int CAP = 5;

    @Test
    @DisplayName("past the cap: 503 UNAVAILABLE with Retry-After before the upgrade; a closed or dropped screen frees its place")
    void aFullNodeRefusesUntilAScreenGoes() {
        try (TestServer server = TestServer.start(Backend.H2, new LiveSettings(CAP, 0))) {
            String feed = feedOf(server);
            List<RawUpgrade> screens = new ArrayList<>();
            for (int i = 0; i < CAP; i++) {
                screens.add(admitted(server, feed));
            }
            assertRefusedBecauseFull(open(server, feed));
            assertThat(open(server, feed).status()).as("still full").isEqualTo(503);
            assertThat(server.api().get("/metrics", null).body()).as("the gauge of open screens").contains("craftmark_live_screens " + CAP + ".0");

            screens.removeFirst().close();
            screens.removeFirst().drop();
            Poll.until(Duration.ofSeconds(20), "a closed and a dropped screen give their places back", () -> openScreens(server) == CAP - 2);
            RawUpgrade unknownEvent = RawUpgrade.attempt(port(server), "/ws/live?eventId=999999999");
            assertThat(unknownEvent.status()).isEqualTo(404);
            assertThat(unknownEvent.error().getString("code")).isEqualTo("NOT_FOUND");
            assertThat(openScreens(server)).as("a screen refused after its place was taken gives it back").isEqualTo(CAP - 2);

            screens.add(admitted(server, feed));
            screens.add(admitted(server, feed));
            assertRefusedBecauseFull(open(server, feed));
            screens.forEach(RawUpgrade::close);
            Poll.until(Duration.ofSeconds(20), "every place given back", () -> openScreens(server) == 0);
        }
    }

    @Test
    @DisplayName("one address opening screens too fast: 429 RATE_LIMITED with Retry-After, and its place given back")
    void oneAddressOpeningTooFastIsRateLimited() {
        try (TestServer server = TestServer.start(Backend.H2, new LiveSettings(100, 3))) {
            String feed = feedOf(server);
            List<RawUpgrade> screens = new ArrayList<>(List.of(admitted(server, feed), admitted(server, feed), admitted(server, feed)));
            RawUpgrade fourth = open(server, feed);
            assertThat(fourth.status()).as(fourth.body()).isEqualTo(429);
            assertThat(fourth.error().getString("code")).isEqualTo("RATE_LIMITED");
            assertThat(Long.parseLong(fourth.header("Retry-After"))).isBetween(1L, (long) LiveSettings.OPEN_WINDOW_SECONDS + 1);
            assertThat(openScreens(server)).isEqualTo(3);
            screens.forEach(RawUpgrade::close);
        }
    }

    private static void assertRefusedBecauseFull(RawUpgrade refused) {
        assertThat(refused.status()).as(refused.body()).isEqualTo(503);
        assertThat(refused.header("Retry-After")).isEqualTo("5");
        assertThat(refused.header("Content-Type")).startsWith("application/json");
        JsonObject error = refused.error();
        assertThat(error.getString("code")).isEqualTo("UNAVAILABLE");
        assertThat(error.getString("message")).contains("live screens");
        assertThat(error.getJsonArray("details")).isEmpty();
    }

    private static RawUpgrade admitted(TestServer server, String feed) {
        RawUpgrade screen = open(server, feed);
        assertThat(screen.status()).as(screen.body()).isEqualTo(101);
        return screen;
    }

    private static RawUpgrade open(TestServer server, String feed) {
        return RawUpgrade.attempt(port(server), feed);
    }

    /** A public board's feed (LIVE visibility, no ticket needed). */
    private static String feedOf(TestServer server) {
        MarkingFixture event = MarkingFixture.create(server, List.of(new Criterion("A1", "A", "尺寸", Kind.MEASUREMENT,
                BigDecimal.TEN, Method.SINGLE, 1)), List.of(), List.of("L01", "L02"), List.of("cap-judge-" + UUID.randomUUID().toString().substring(0, 8)));
        return "/ws/live?eventId=" + event.eventId;
    }

    private static int openScreens(TestServer server) {
        return server.app().services().liveScreens().open();
    }

    private static int port(TestServer server) {
        return URI.create(server.api().baseUrl()).getPort();
    }
}
