package org.craftmark.server.audit;

import io.vertx.core.json.JsonObject;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.store.Stores;

import java.time.Clock;

/**
 * Records every state-changing call as {@code {actor, action, subject, data}} in the same
 * transaction as the change itself, chained by SHA-256 so that an edit behind the server's back shows.
 */
public final class AuditLog {
    private final Clock clock;

    public AuditLog(Clock clock) {
        this.clock = clock;
    }

    /**
     * Appends one entry inside the caller's transaction {@code tx}.
     *
     * @param subject   what was changed, e.g. {@code contest:12}, {@code event:3}, {@code entry:88}
     * @param contestId the contest it belongs to, for {@code GET /api/v1/audit?contestId=}; null if none
     * @param data      the change's facts; never resident ID numbers or passwords
     */
    public void record(Stores tx, SignedInUser actor, String action, String subject, Long contestId, JsonObject data) {
        // Being written.
    }

    Clock clock() {
        return clock;
    }
}
