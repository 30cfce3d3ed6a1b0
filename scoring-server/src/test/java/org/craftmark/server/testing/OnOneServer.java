package org.craftmark.server.testing;

import org.junit.jupiter.api.AfterAll;

/**
 * A test class against one real server on one backend, set up through the API: {@link #server} and
 * {@link #season} (ADMIN's HTTP helper). Extend {@link OnMariaDb} or {@link OnH2}.
 */
public abstract class OnOneServer {
    protected static TestServer server;
    protected static SeasonOverHttp season;

    static void startServer(Backend backend) {
        server = TestServer.start(backend);
        season = new SeasonOverHttp(server, TestVertx.shared());
        season.regions();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
