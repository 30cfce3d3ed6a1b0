package org.craftmark.server.audit;

import io.vertx.core.json.JsonObject;
import org.craftmark.server.audit.AuditLog.Entry;
import org.craftmark.server.auth.Role;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.testing.Api;
import org.craftmark.server.testing.Backend;
import org.craftmark.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each test gets a server of its own: a tampered chain stays broken, and must not leak into the next test. */
@ParameterizedClass(name = "on {0}")
@EnumSource(Backend.class)
@DisplayName("Tampering with the audit log behind the server's back")
class AuditTamperTest {
    private static final SignedInUser ADMIN = new SignedInUser(1, "admin", Role.ADMIN, "Administrator", null, null);
    private static final int APPENDED = 5;

    @Parameter
    Backend backend;
    private TamperableServer server;
    private String token;
    /** The entries this test appended, seq {@code base + 1} to {@code base + APPENDED}. */
    private List<Entry> appended;

    @BeforeEach
    void startWithAFewEntries() {
        server = TamperableServer.start(backend);
        token = server.api().token("admin", TestServer.ADMIN_PASSWORD);
        long base = server.app().database().stores().audit().head().seq();
        AuditLog auditLog = server.app().services().auditLog();
        for (int i = 1; i <= APPENDED; i++) {
            JsonObject data = new JsonObject().put("total", "87.50").put("i", i);
            server.app().database().transaction(tx -> {
                auditLog.record(tx, ADMIN, "mark.submit", "entry:88", 7L, data);
                return null;
            });
        }
        appended = server.app().services().audit().list(ADMIN, new AuditService.Query(null, base, AuditService.MAX_LIMIT));
        assertThat(verify().getBoolean("ok")).as("intact before tampering").isTrue();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void editedDataIsAHashMismatchAtThatEntry() {
        Entry third = appended.get(2);
        server.sql("UPDATE audit_log SET data = ? WHERE seq = ?", "{\"total\":\"97.50\",\"i\":3}", third.seq());

        assertBrokenAt(third.seq(), "hash mismatch");
    }

    @Test
    void aRelinkedEntryIsAPrevHashMismatch() {
        Entry second = appended.get(1);
        server.sql("UPDATE audit_log SET prev_hash = ? WHERE seq = ?", "f".repeat(64), second.seq());

        assertBrokenAt(second.seq(), "prevHash mismatch");
    }

    @Test
    void aDeletedEntryInTheMiddleIsASeqGap() {
        Entry third = appended.get(2);
        server.sql("DELETE FROM audit_log WHERE seq = ?", third.seq());

        assertBrokenAt(third.seq(), "seq gap");
    }

    @Test
    void aDeletedLastEntryDisagreesWithTheHead() {
        Entry last = appended.getLast();
        server.sql("DELETE FROM audit_log WHERE seq = ?", last.seq());

        assertBrokenAt(last.seq(), "seq gap");
    }

    @Test
    void aRewrittenLastEntryWithAFreshHashDisagreesWithTheHead() {
        Entry last = appended.getLast();
        Entry forged = new Entry(last.seq(), last.at(), last.actor(), last.action(), last.subject(), last.contestId(),
                "{\"total\":\"99.00\"}", last.prevHash(), null);
        server.sql("UPDATE audit_log SET data = ?, hash = ? WHERE seq = ?", forged.data(), forged.expectedHash(), last.seq());

        assertBrokenAt(last.seq(), "head mismatch");
    }

    @Test
    void dataEditedIntoSomethingNotJsonIsStillListedNot500() {
        Entry first = appended.getFirst();
        server.sql("UPDATE audit_log SET data = ? WHERE seq = ?", "not json", first.seq());

        Api.Response list = server.api().get("/api/v1/audit?afterSeq=" + (first.seq() - 1) + "&limit=1", token);

        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.json().getJsonArray("items").getJsonObject(0).getJsonObject("data").getString("unreadable")).isEqualTo("not json");
        assertBrokenAt(first.seq(), "hash mismatch");
    }

    private JsonObject verify() {
        Api.Response response = server.api().get("/api/v1/audit/verify", token);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private void assertBrokenAt(long seq, String reason) {
        JsonObject result = verify();
        assertThat(result.getBoolean("ok")).as(result.encode()).isFalse();
        assertThat(result.getLong("entries")).isPositive();
        assertThat(result.getJsonObject("firstBroken").getLong("seq")).as(result.encode()).isEqualTo(seq);
        assertThat(result.getJsonObject("firstBroken").getString("reason")).isEqualTo(reason);
    }
}
