package org.craftmark.server.testing;

/** The databases Craftmark runs on; database tests run against each. */
public enum Backend {
    /** A real MySQL-compatible server (MariaDB in CI, MySQL under Testcontainers). */
    MYSQL,
    /** The embedded H2 file database, the zero-setup default. */
    H2
}
