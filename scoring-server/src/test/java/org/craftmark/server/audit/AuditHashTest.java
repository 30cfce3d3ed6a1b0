package org.craftmark.server.audit;

import org.craftmark.server.audit.AuditLog.Entry;
import org.craftmark.server.store.AuditStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("An audit entry's hash")
class AuditHashTest {
    private static final Instant AT = Instant.parse("2026-11-21T09:00:00Z");

    @Test
    void isSha256OverTheDocumentedNetstrings() {
        // Computed outside Java: sha256(b"18:craftmark-audit-v1,64:000…000,1:1,13:1795251600000,5:admin,
        // 15:contest.publish,10:contest:12,2:12,17:{"note":"北京"},").hexdigest()
        Entry entry = new Entry(1, AT, "admin", "contest.publish", "contest:12", 12L, "{\"note\":\"北京\"}",
                AuditLog.GENESIS_HASH, null);

        assertThat(entry.expectedHash()).isEqualTo("815dc091264961942614565c5005117f11b8d17551022538eb63fb9e909b674b");
    }

    @Test
    void followsTheHeadItIsAppendedTo() {
        AuditStore.Head head = new AuditStore.Head(41, "ab".repeat(32));

        Entry entry = Entry.after(head, AT, "admin", "event.lock", "event:3", null, "{}");

        assertThat(entry.seq()).isEqualTo(42);
        assertThat(entry.prevHash()).isEqualTo(head.hash());
        assertThat(entry.hash()).isEqualTo(entry.expectedHash()).hasSize(64);
    }

    @Test
    void changesWhenTextMovesAcrossAFieldBoundary() {
        Entry one = Entry.after(new AuditStore.Head(0, AuditLog.GENESIS_HASH), AT, "ab", "c", "s", null, "{}");
        Entry other = Entry.after(new AuditStore.Head(0, AuditLog.GENESIS_HASH), AT, "a", "bc", "s", null, "{}");

        assertThat(one.hash()).isNotEqualTo(other.hash());
    }

    @Test
    void tellsNoContestFromAnyContest() {
        Entry none = Entry.after(new AuditStore.Head(0, AuditLog.GENESIS_HASH), AT, "admin", "x", "s", null, "{}");
        Entry some = Entry.after(new AuditStore.Head(0, AuditLog.GENESIS_HASH), AT, "admin", "x", "s", 1L, "{}");

        assertThat(none.hash()).isNotEqualTo(some.hash());
    }
}
