package org.craftmark.server.audit;

import org.craftmark.server.audit.AuditLog.Entry;
import org.craftmark.server.auth.Role;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.http.ApiException;
import org.craftmark.server.store.AuditStore;
import org.craftmark.server.store.Database;

import java.util.List;

/** Reading the audit log and verifying its chain; both for ADMIN only. */
public final class AuditService {
    public static final int MAX_LIMIT = 1000;

    /** Which entries to list: after {@code afterSeq}, at most {@code limit}, of one contest when not null. */
    public record Query(Long contestId, long afterSeq, int limit) {
    }

    /** The outcome of checking the chain: {@code firstBroken} is null when {@code ok}. */
    public record Verification(boolean ok, long entries, Broken firstBroken) {
    }

    /** Where the chain first breaks, and how. */
    public record Broken(long seq, Reason reason) {
    }

    /** How a chain breaks. */
    public enum Reason {
        /** The entry's content no longer matches its hash: it was edited. */
        HASH_MISMATCH("hash mismatch"),
        /** The entry does not point at the hash of the one before it. */
        PREV_HASH_MISMATCH("prevHash mismatch"),
        /** The entry with this seq is missing, in the middle or at the end (a deleted tail). */
        SEQ_GAP("seq gap"),
        /** The head disagrees with the last entry: the last entry was rewritten with a fresh hash. */
        HEAD_MISMATCH("head mismatch");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        /** As the API writes it. */
        public String text() {
            return text;
        }
    }

    private final Database db;

    public AuditService(Database db) {
        this.db = db;
    }

    public List<Entry> list(SignedInUser actor, Query query) {
        requireAdmin(actor);
        return db.stores().audit().page(query.contestId(), query.afterSeq(), Math.min(query.limit(), MAX_LIMIT));
    }

    public Verification verify(SignedInUser actor) {
        requireAdmin(actor);
        return verify();
    }

    /**
     * Checks every entry against the one before it and the last against the head, holding one page
     * in memory at a time. The head is read first and only entries up to it are checked: they are
     * all committed by then (entry and head commit together), and entries appended meanwhile are
     * left for the next run instead of being mistaken for damage.
     */
    public Verification verify() {
        AuditStore store = db.stores().audit();
        AuditStore.Head head = store.head();
        ChainCheck check = new ChainCheck();
        store.scan(head.seq(), check::next);
        return check.endingAt(head);
    }

    private static void requireAdmin(SignedInUser actor) {
        if (!actor.is(Role.ADMIN)) {
            throw ApiException.forbidden("Only ADMIN reads the audit log.");
        }
    }

    /** Walks the chain in seq order and remembers the first break. */
    private static final class ChainCheck {
        private long lastSeq;
        private String lastHash = AuditLog.GENESIS_HASH;
        private long entries;
        private Broken firstBroken;

        void next(Entry entry) {
            entries++;
            if (entry.seq() != lastSeq + 1) {
                breakAt(lastSeq + 1, Reason.SEQ_GAP);
            } else if (!entry.prevHash().equals(lastHash)) {
                breakAt(entry.seq(), Reason.PREV_HASH_MISMATCH);
            } else if (!entry.hash().equals(entry.expectedHash())) {
                breakAt(entry.seq(), Reason.HASH_MISMATCH);
            }
            // Go on from what is stored, so one edited entry is reported once, not at every later one.
            lastSeq = entry.seq();
            lastHash = entry.hash();
        }

        Verification endingAt(AuditStore.Head head) {
            if (lastSeq < head.seq()) {
                breakAt(lastSeq + 1, Reason.SEQ_GAP);
            } else if (!lastHash.equals(head.hash())) {
                breakAt(head.seq(), Reason.HEAD_MISMATCH);
            }
            return new Verification(firstBroken == null, entries, firstBroken);
        }

        private void breakAt(long seq, Reason reason) {
            if (firstBroken == null) {
                firstBroken = new Broken(seq, reason);
            }
        }
    }
}
