package org.craftmark.server.testing;

import org.junit.jupiter.api.BeforeAll;

/** One server on MariaDB (MySQL) for the class: the season-long and concurrency tests. */
public abstract class OnMariaDb extends OnOneServer {
    @BeforeAll
    static void startMariaDb() {
        startServer(Backend.MYSQL);
    }
}
