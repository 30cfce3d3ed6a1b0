package org.craftmark.server.testing;

import org.junit.jupiter.api.BeforeAll;

/** One server on the embedded H2 for the class. */
public abstract class OnH2 extends OnOneServer {
    @BeforeAll
    static void startH2() {
        startServer(Backend.H2);
    }
}
