package org.craftmark.server.faults;

import org.craftmark.core.marking.MarkingScheme;
import org.craftmark.server.testing.Api;
import org.craftmark.server.testing.TestDatabase;
import org.craftmark.server.testing.TestServer;

import java.sql.SQLException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a fault test checks once the fault is over: the server's leaderboard equals one worked out
 * again from the stored marks ({@link Recomputed}), and {@code /api/v1/audit/verify} is ok.
 */
final class BoardAndAudit {
    private BoardAndAudit() {
    }

    /** @param bibs entry ids by bib, every ACTIVE entry of the event; {@code when} names the moment in failures */
    static void assertConsistent(Api api, TestDatabase db, MarkingScheme scheme, long eventId, Map<String, Long> bibs, String when)
            throws SQLException {
        String admin = api.token("admin", TestServer.ADMIN_PASSWORD);
        Api.Response board = api.get("/api/v1/events/" + eventId + "/leaderboard", admin);
        assertThat(board.status()).as(board.body()).isEqualTo(200);
        assertThat(Recomputed.shown(board.json())).as("leaderboard " + when)
                .isEqualTo(Recomputed.board(scheme, bibs, StoredMarks.ofEvent(db, eventId)));
        Api.Response verify = api.get("/api/v1/audit/verify", admin);
        assertThat(verify.status()).as(verify.body()).isEqualTo(200);
        assertThat(verify.json().getBoolean("ok")).as("audit chain " + when + ": " + verify.body()).isTrue();
    }
}
