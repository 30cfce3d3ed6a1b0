package org.craftmark.server.store;

import org.jooq.DSLContext;

/**
 * The audit log's rows: an append-only SHA-256 hash chain. (Being written: see AuditLog.)
 */
public final class AuditStore {
    private final DSLContext dsl;

    public AuditStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    DSLContext dsl() {
        return dsl;
    }
}
