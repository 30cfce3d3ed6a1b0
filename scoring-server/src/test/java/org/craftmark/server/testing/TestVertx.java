package org.craftmark.server.testing;

import io.vertx.core.Vertx;

/**
 * One Vert.x for the tests' own clients (judges' sockets, live screens), shared by every test class
 * in the JVM: clients are cheap, a Vert.x per class is not. Closed when the JVM ends.
 */
public final class TestVertx {
    private static Vertx shared;

    private TestVertx() {
    }

    public static synchronized Vertx shared() {
        if (shared == null) {
            shared = Vertx.vertx();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> shared.close(), "test-vertx-close"));
        }
        return shared;
    }
}
