package org.craftmark.server.audit;

import io.vertx.core.json.JsonObject;
import org.craftmark.server.audit.AuditLog.Entry;
import org.craftmark.server.auth.Role;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.store.AuditStore;
import org.craftmark.server.store.Database;
import org.craftmark.server.testing.Backend;
import org.craftmark.server.testing.TestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ParameterizedClass(name = "on {0}")
@EnumSource(Backend.class)
@DisplayName("Appending to the audit chain")
class AuditChainTest {
    private static final SignedInUser ADMIN = new SignedInUser(1, "admin", Role.ADMIN, "Administrator", null, null);

    @Parameter
    Backend backend;
    private static TestServer server;
    private static Database db;
    private static AuditLog auditLog;
    private static AuditService audit;

    @BeforeParameterizedClassInvocation
    static void start(Backend backend) {
        server = TestServer.start(backend);
        db = server.app().database();
        auditLog = server.app().services().auditLog();
        audit = server.app().services().audit();
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void eachEntryFollowsTheOneBeforeFromSeqOneOnward() {
        long before = head().seq();
        for (int i = 1; i <= 5; i++) {
            record("test.append", "item:" + i, new JsonObject().put("i", i));
        }

        List<Entry> all = entriesAfter(0);
        assertThat(all.getFirst().seq()).isEqualTo(1);
        assertThat(all.getFirst().prevHash()).isEqualTo(AuditLog.GENESIS_HASH).isEqualTo("0".repeat(64));
        assertChained(all);
        List<Entry> mine = entriesAfter(before);
        assertThat(mine).extracting(Entry::seq).containsExactly(LongStream.rangeClosed(before + 1, before + 5).boxed().toArray(Long[]::new));
        assertThat(mine).extracting(Entry::actor).containsOnly("admin");
        assertThat(mine.getLast().data()).isEqualTo("{\"i\":5}");
        assertThat(head()).isEqualTo(new AuditStore.Head(before + 5, mine.getLast().hash()));
    }

    @Test
    void concurrentTransactionsTakeTurnsAndLeaveNoGapOrDuplicate() throws Exception {
        int threads = 4;
        int perThread = 10;
        long before = head().seq();
        CountDownLatch go = new CountDownLatch(1);
        List<Callable<Void>> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String subject = "thread:" + t;
            writers.add(() -> {
                go.await();
                for (int i = 0; i < perThread; i++) {
                    record("test.concurrent", subject, new JsonObject().put("i", i));
                }
                return null;
            });
        }

        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<Void>> done = writers.stream().map(pool::submit).toList();
            go.countDown();
            for (Future<Void> f : done) {
                f.get();
            }
        }

        List<Entry> mine = entriesAfter(before);
        assertThat(mine).hasSize(threads * perThread);
        assertThat(mine).extracting(Entry::seq).doesNotHaveDuplicates()
                .containsExactly(LongStream.rangeClosed(before + 1, before + threads * perThread).boxed().toArray(Long[]::new));
        assertChained(entriesAfter(0));
        assertThat(audit.verify().ok()).isTrue();
    }

    @Test
    void aRolledBackTransactionLeavesNoEntry() {
        AuditStore.Head before = head();

        assertThatThrownBy(() -> db.transaction(tx -> {
            auditLog.record(tx, ADMIN, "test.rollback", "doomed:1", null, new JsonObject());
            throw new IllegalStateException("the change failed after it was audited");
        })).hasMessageContaining("the change failed");

        assertThat(head()).isEqualTo(before);
        assertThat(entriesAfter(before.seq())).isEmpty();
        record("test.after-rollback", "next:1", null);
        assertThat(entriesAfter(before.seq())).extracting(Entry::seq).containsExactly(before.seq() + 1);
    }

    @Test
    void verifyCountsEveryEntryOfAnIntactChain() {
        record("test.verify", "a:1", new JsonObject().put("name", "张伟"));
        record("test.verify", "a:2", null);

        AuditService.Verification result = audit.verify();

        assertThat(result.ok()).isTrue();
        assertThat(result.firstBroken()).isNull();
        assertThat(result.entries()).isEqualTo(head().seq());
    }

    @Test
    void verifyWalksALogLongerThanOnePage() {
        db.transaction(tx -> {
            for (int i = 0; i < 1_200; i++) {
                auditLog.record(tx, ADMIN, "test.bulk", "bulk:" + i, null, null);
            }
            return null;
        });

        AuditService.Verification result = audit.verify();

        assertThat(result.ok()).isTrue();
        assertThat(result.entries()).isEqualTo(head().seq()).isGreaterThan(1_200);
    }

    @Test
    void theServerItselfIsRecordedAsTheSystemActor() {
        long before = head().seq();
        db.transaction(tx -> {
            auditLog.record(tx, null, "test.system", "contest:1", 1L, null);
            return null;
        });

        Entry entry = entriesAfter(before).getFirst();
        assertThat(entry.actor()).isEqualTo(AuditLog.SYSTEM_ACTOR);
        assertThat(entry.data()).isEqualTo("{}");
        assertThat(entry.contestId()).isEqualTo(1L);
    }

    private static void record(String action, String subject, JsonObject data) {
        db.transaction(tx -> {
            auditLog.record(tx, ADMIN, action, subject, null, data);
            return null;
        });
    }

    private static AuditStore.Head head() {
        return db.stores().audit().head();
    }

    private static List<Entry> entriesAfter(long seq) {
        return audit.list(ADMIN, new AuditService.Query(null, seq, AuditService.MAX_LIMIT));
    }

    private static void assertChained(List<Entry> entries) {
        for (int i = 1; i < entries.size(); i++) {
            Entry previous = entries.get(i - 1);
            Entry entry = entries.get(i);
            assertThat(entry.seq()).as("seq after %d", previous.seq()).isEqualTo(previous.seq() + 1);
            assertThat(entry.prevHash()).as("prevHash of %d", entry.seq()).isEqualTo(previous.hash());
            assertThat(entry.hash()).as("hash of %d", entry.seq()).isEqualTo(entry.expectedHash());
        }
    }
}
