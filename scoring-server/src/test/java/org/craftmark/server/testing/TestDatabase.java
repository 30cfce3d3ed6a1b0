package org.craftmark.server.testing;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One test class's own database: a MySQL schema (url set) or an H2 directory (dataDir set).
 * Closing drops it.
 */
public record TestDatabase(Backend backend, String url, String user, String password, Path dataDir, Runnable dropper)
        implements AutoCloseable {

    public Optional<String> jdbcUrl() {
        return Optional.ofNullable(url);
    }

    @Override
    public void close() {
        dropper.run();
    }
}
