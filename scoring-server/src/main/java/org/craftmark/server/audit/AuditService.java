package org.craftmark.server.audit;

import org.craftmark.server.store.Database;

/** Reading the audit log and verifying its chain. (Being written.) */
public final class AuditService {
    private final Database db;

    public AuditService(Database db) {
        this.db = db;
    }
}
