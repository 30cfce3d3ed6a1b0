package org.craftmark.server.store;

import org.craftmark.server.audit.AuditLog.Entry;
import org.craftmark.server.store.schema.tables.records.AuditLogRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Records;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import static org.craftmark.server.store.schema.Tables.AUDIT_HEAD;
import static org.craftmark.server.store.schema.Tables.AUDIT_LOG;
import static org.jooq.impl.DSL.noCondition;

/**
 * The audit log's rows and the head of their chain (see {@code AuditLog} for what they mean). Rows
 * are only ever inserted: nothing here updates or deletes one.
 */
public final class AuditStore {
    /** How many rows a {@link #scan} holds in memory at a time. */
    static final int SCAN_PAGE_SIZE = 500;
    private static final int HEAD_ID = 1;
    /** Rows per INSERT statement: keeps a statement well under the server's packet limit. */
    private static final int INSERT_CHUNK = 200;

    /** The chain's head: the last entry's seq and hash (0 and 64 zeros while the log is empty). */
    public record Head(long seq, String hash) {
    }

    private final DSLContext dsl;

    public AuditStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Reads the head and locks it until the transaction ends: the lock is what makes concurrent
     * appends, also from other server instances, take turns and never share a seq.
     */
    public Head lockHead() {
        return dsl.select(AUDIT_HEAD.SEQ, AUDIT_HEAD.HASH)
                .from(AUDIT_HEAD)
                .where(AUDIT_HEAD.ID.eq(HEAD_ID))
                .forUpdate()
                .fetchSingle(Records.mapping(Head::new));
    }

    /** Reads the head without locking it. */
    public Head head() {
        return dsl.select(AUDIT_HEAD.SEQ, AUDIT_HEAD.HASH)
                .from(AUDIT_HEAD)
                .where(AUDIT_HEAD.ID.eq(HEAD_ID))
                .fetchSingle(Records.mapping(Head::new));
    }

    /**
     * Inserts {@code entries} (consecutive seqs, each chained to the one before) and moves the head
     * onto the last. Call with the head locked by {@link #lockHead()} in the same transaction; the
     * head moves only from the entry before the first.
     */
    public void appendAll(List<Entry> entries) {
        for (int from = 0; from < entries.size(); from += INSERT_CHUNK) {
            insert(entries.subList(from, Math.min(entries.size(), from + INSERT_CHUNK)));
        }
        Entry first = entries.getFirst();
        Entry last = entries.getLast();
        int moved = dsl.update(AUDIT_HEAD)
                .set(AUDIT_HEAD.SEQ, last.seq())
                .set(AUDIT_HEAD.HASH, last.hash())
                .where(AUDIT_HEAD.ID.eq(HEAD_ID))
                .and(AUDIT_HEAD.SEQ.eq(first.seq() - 1))
                .execute();
        if (moved != 1) {
            throw new IllegalStateException("audit head is not at seq " + (first.seq() - 1) + "; was it locked?");
        }
    }

    /** One multi-row INSERT: one round trip for the whole chunk. */
    private void insert(List<Entry> chunk) {
        var insert = dsl.insertInto(AUDIT_LOG, AUDIT_LOG.SEQ, AUDIT_LOG.AT, AUDIT_LOG.ACTOR, AUDIT_LOG.ACTION, AUDIT_LOG.SUBJECT,
                AUDIT_LOG.CONTEST_ID, AUDIT_LOG.DATA, AUDIT_LOG.PREV_HASH, AUDIT_LOG.HASH);
        for (Entry entry : chunk) {
            insert = insert.values(entry.seq(), entry.at().toEpochMilli(), entry.actor(), entry.action(), entry.subject(),
                    entry.contestId(), entry.data(), entry.prevHash(), entry.hash());
        }
        insert.execute();
    }

    /** Up to {@code limit} entries after {@code afterSeq} in seq order, of one contest when not null. */
    public List<Entry> page(Long contestId, long afterSeq, int limit) {
        return entriesAfter(afterSeq, contestId == null ? noCondition() : AUDIT_LOG.CONTEST_ID.eq(contestId), limit);
    }

    /**
     * Hands every entry up to {@code lastSeq} to {@code visitor} in seq order. Reads page by page
     * (keyset on seq), so a long log never sits in memory whole and no cursor stays open on the
     * connection while the visitor works.
     */
    public void scan(long lastSeq, Consumer<Entry> visitor) {
        long after = 0;
        List<Entry> page;
        do {
            page = entriesAfter(after, AUDIT_LOG.SEQ.le(lastSeq), SCAN_PAGE_SIZE);
            page.forEach(visitor);
            after = page.isEmpty() ? after : page.getLast().seq();
        } while (page.size() == SCAN_PAGE_SIZE);
    }

    private List<Entry> entriesAfter(long afterSeq, Condition condition, int limit) {
        return dsl.selectFrom(AUDIT_LOG)
                .where(AUDIT_LOG.SEQ.gt(afterSeq))
                .and(condition)
                .orderBy(AUDIT_LOG.SEQ)
                .limit(limit)
                .fetch(AuditStore::toEntry);
    }

    private static Entry toEntry(AuditLogRecord r) {
        return new Entry(r.getSeq(), Instant.ofEpochMilli(r.getAt()), r.getActor(), r.getAction(), r.getSubject(),
                r.getContestId(), r.getData(), r.getPrevHash(), r.getHash());
    }
}
