package org.craftmark.server.live.ui;

import org.craftmark.server.testing.Api;
import org.craftmark.server.testing.Backend;
import org.craftmark.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How the server hands out the big screen: one page for every event and the kiosk, its files beside it. */
@DisplayName("The /live pages")
class LivePagesTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Backend.H2);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    @DisplayName("/live/{eventId} and /live/kiosk are the big-screen page; its scripts and styles are served next to it")
    void theBigScreenPageAndItsFiles() {
        for (String path : new String[] {"/live/1", "/live/987654321", "/live/kiosk", "/live/kiosk?contestId=3&seconds=20", "/live/"}) {
            Api.Response page = server.api().get(path, null);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.header("Content-Type")).as(path).startsWith("text/html");
            assertThat(page.body()).as(path).contains("<main id=\"screen\"").contains("/live/app.js");
        }
        for (String file : new String[] {"app.js", "board.js", "feed.js", "rows.js", "kiosk.js", "messages.js"}) {
            Api.Response script = server.api().get("/live/" + file, null);
            assertThat(script.status()).as(file).isEqualTo(200);
            assertThat(script.header("Content-Type")).as(file).contains("javascript");
        }
        assertThat(server.api().get("/live/live.css", null).header("Content-Type")).startsWith("text/css");
        assertThat(server.api().get("/live/no-such-file.js", null).status()).isEqualTo(404);
        assertThat(server.api().get("/live/12abc", null).status()).isEqualTo(404);
    }

    @Test
    @DisplayName("the other apps are served as before")
    void theOtherAppsAreUnchanged() {
        assertThat(server.api().get("/console/", null).body()).contains("console.css");
        assertThat(server.api().get("/judge/", null).body()).contains("judge.css");
        assertThat(server.api().get("/console", null).status()).as("bare path redirects").isIn(301, 302, 303, 307, 308);
        assertThat(server.api().get("/live", null).status()).as("bare path redirects").isIn(301, 302, 303, 307, 308);
    }
}
