package org.craftmark.server.testing;

import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs a test class once per database backend (MySQL, then the embedded H2), each time against a
 * real server of its own: extend it and use {@link #server} and {@link #api}.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(Backend.class)
public abstract class OnEveryBackend {
    protected static TestServer server;
    protected static Api api;

    @Parameter
    protected Backend backend;

    @BeforeParameterizedClassInvocation
    static void startServer(Backend backend) {
        server = TestServer.start(backend);
        api = server.api();
    }

    @AfterParameterizedClassInvocation
    static void stopServer() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
