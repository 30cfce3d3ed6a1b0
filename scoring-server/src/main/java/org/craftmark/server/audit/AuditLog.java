package org.craftmark.server.audit;

import io.vertx.core.json.JsonObject;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.store.AuditStore;
import org.craftmark.server.store.Stores;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Records every state-changing call as {@code {actor, action, subject, data}} in the same
 * transaction as the change itself, chained by SHA-256 so that an edit behind the server's back shows.
 *
 * <h2>The chain</h2>
 * Entry {@code n} (seq 1, 2, 3, … without gaps) carries {@code prevHash} = the hash of entry
 * {@code n-1} ({@link #GENESIS_HASH}, 64 zeros, for entry 1) and {@code hash} = lowercase hex
 * SHA-256 over these fields, in this order, each as a netstring of its UTF-8 bytes —
 * {@code <byte length in decimal>:<bytes>,}:
 * <ol>
 *   <li>{@value #FORMAT} (names the encoding, so that a later one can be told apart);</li>
 *   <li>prevHash;</li>
 *   <li>seq, in decimal;</li>
 *   <li>at, as epoch milliseconds in decimal;</li>
 *   <li>actor (the username), action, subject;</li>
 *   <li>contestId in decimal, or the empty string when there is none;</li>
 *   <li>data, exactly the JSON text stored (never re-encoded, so key order and number spelling
 *       cannot change the hash).</li>
 * </ol>
 * The length prefixes make the encoding unambiguous: no choice of field values makes two different
 * entries hash the same bytes. E.g. for seq 1 the bytes start
 * {@code 18:craftmark-audit-v1,64:0000…0000,1:1,13:1795251600000,5:admin,}.
 *
 * <h2>What goes in data</h2>
 * The facts of the change a reviewer needs (ids, old and new values, reasons), small (at most
 * {@value #MAX_DATA_BYTES} bytes as JSON). Never resident ID numbers or passwords — the log is
 * shown to every ADMIN and kept for good; callers are responsible for leaving them out.
 */
public final class AuditLog {
    /** The prevHash of the first entry. */
    public static final String GENESIS_HASH = "0".repeat(64);
    /** The actor of changes the server makes by itself; not a possible username. */
    public static final String SYSTEM_ACTOR = "(system)";
    static final String FORMAT = "craftmark-audit-v1";
    // The columns' sizes: checked here because a database not in strict mode would cut a longer
    // value silently, and the row would then no longer match its hash.
    static final int MAX_NAME_LENGTH = 64;
    static final int MAX_SUBJECT_LENGTH = 100;
    static final int MAX_DATA_BYTES = 65_535;

    /**
     * One entry of the log, as stored.
     *
     * @param data the JSON text of the change's facts, exactly as hashed
     */
    public record Entry(long seq, Instant at, String actor, String action, String subject, Long contestId,
                        String data, String prevHash, String hash) {

        /** An entry following {@code prev}, with its hash computed. */
        static Entry after(AuditStore.Head prev, Instant at, String actor, String action, String subject,
                           Long contestId, String data) {
            return new Entry(prev.seq() + 1, at, actor, action, subject, contestId, data, prev.hash(), null).sealed();
        }

        private Entry sealed() {
            return new Entry(seq, at, actor, action, subject, contestId, data, prevHash, expectedHash());
        }

        /** The hash this entry's content and prevHash call for (see {@link AuditLog}). */
        public String expectedHash() {
            return sha256Netstrings(FORMAT, prevHash, Long.toString(seq), Long.toString(at.toEpochMilli()),
                    actor, action, subject, contestId == null ? "" : contestId.toString(), data);
        }
    }

    private final Clock clock;

    public AuditLog(Clock clock) {
        this.clock = clock;
    }

    /**
     * Appends one entry inside the caller's transaction {@code tx}: it commits or rolls back with the
     * change. Appending locks the chain's head until {@code tx} ends, serialising audited writes, so
     * call it late in the transaction, after the change itself.
     *
     * @param actor     who made the change; null for the server itself ({@link #SYSTEM_ACTOR})
     * @param action    what was done, e.g. {@code contest.publish}; at most 64 characters
     * @param subject   what was changed, e.g. {@code contest:12}, {@code event:3}, {@code entry:88}
     * @param contestId the contest it belongs to, for {@code GET /api/v1/audit?contestId=}; null if none
     * @param data      the change's facts (null for none); never resident ID numbers or passwords
     */
    public void record(Stores tx, SignedInUser actor, String action, String subject, Long contestId, JsonObject data) {
        recordAll(tx, List.of(new Change(actor, action, subject, contestId, data)));
    }

    /** A change to record, before it has its place in the chain (the arguments of {@link #record}). */
    public record Change(SignedInUser actor, String action, String subject, Long contestId, JsonObject data) {
    }

    /**
     * Appends {@code changes} in their order inside {@code tx}, as consecutive entries: the head is
     * locked and moved once and the rows go in one statement, so a group commit of many marks holds
     * the chain for a few round trips rather than a few per mark.
     */
    public void recordAll(Stores tx, List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        AuditStore store = tx.audit();
        AuditStore.Head head = store.lockHead();
        // Read the clock once the head is ours, so that times follow the order of seq.
        Instant at = Instant.ofEpochMilli(clock.millis());
        List<Entry> entries = new ArrayList<>(changes.size());
        for (Change change : changes) {
            String actorName = change.actor() == null ? SYSTEM_ACTOR : change.actor().username();
            String json = change.data() == null ? "{}" : change.data().encode();
            checkFits(actorName, change.action(), change.subject(), json);
            Entry entry = Entry.after(head, at, actorName, change.action(), change.subject(), change.contestId(), json);
            entries.add(entry);
            head = new AuditStore.Head(entry.seq(), entry.hash());
        }
        store.appendAll(entries);
    }

    private static void checkFits(String actor, String action, String subject, String json) {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subject, "subject");
        if (actor.length() > MAX_NAME_LENGTH || action.length() > MAX_NAME_LENGTH || subject.length() > MAX_SUBJECT_LENGTH
                || json.getBytes(StandardCharsets.UTF_8).length > MAX_DATA_BYTES) {
            throw new IllegalArgumentException("audit entry too large for its columns: " + action + " " + subject);
        }
    }

    private static String sha256Netstrings(String... fields) {
        MessageDigest sha = sha256();
        for (String field : fields) {
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            sha.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
            sha.update(bytes);
            sha.update((byte) ',');
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
