package org.craftmark.judge.outbox;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.WRITE;
import static org.craftmark.judge.outbox.OutboxFiles.LOCK;
import static org.craftmark.judge.outbox.OutboxFiles.OWNER;
import static org.craftmark.judge.outbox.OutboxFiles.REJECTED;
import static org.craftmark.judge.outbox.OutboxFiles.markFile;

/**
 * One judge's marks that the server has not acknowledged yet, kept on disk so that neither a flat
 * battery nor a crash loses a mark the judge has entered.
 *
 * <p>Each pending mark is a file {@code <clientMarkId>.json}, written to a temp file, forced to the
 * device and renamed into place: after a crash a mark is wholly there or not at all, and the temp
 * files a crash leaves behind are deleted on {@link #open}. Marks leave the outbox only when the
 * server acknowledges them ({@link #remove}) or refuses them ({@link #reject}, which moves the file
 * to {@code rejected/} with the error, for the judge to see).
 *
 * <p>An outbox belongs to one judge (resending a mark under another judge's sign-in would credit it
 * to the wrong person) and to one process at a time (a lock file). Thread-safe; writes are
 * serialised, which is plenty for marks entered at human speed.
 */
public final class Outbox implements AutoCloseable {
    private static final Comparator<PendingMark> CREATION_ORDER = Comparator.comparingLong(PendingMark::sequence);
    private static final Comparator<RejectedMark> REJECTION_ORDER = Comparator
            .comparing(RejectedMark::rejectedAt)
            .thenComparing(RejectedMark::mark, CREATION_ORDER);

    private final Path dir;
    private final Path rejectedDir;
    private final Clock clock;
    private final FileChannel lockFile;
    private final Map<UUID, PendingMark> pending = new HashMap<>();
    private long lastSequence;
    private boolean closed;

    private Outbox(Path dir, Clock clock, FileChannel lockFile, List<PendingMark> marks) {
        this.dir = dir;
        this.rejectedDir = dir.resolve(REJECTED);
        this.clock = clock;
        this.lockFile = lockFile;
        marks.forEach(mark -> pending.put(mark.clientMarkId(), mark));
        this.lastSequence = marks.stream().mapToLong(PendingMark::sequence).max().orElse(0);
    }

    /**
     * Opens (creating if needed) the outbox in {@code dir} for {@code judge}: takes the lock, cleans
     * up after a crash and reads the pending marks.
     *
     * @throws IllegalStateException when another process has it open, or it holds another judge's marks
     */
    public static Outbox open(Path dir, String judge, Clock clock) throws IOException {
        Files.createDirectories(dir.resolve(REJECTED));
        FileChannel lockFile = FileChannel.open(dir.resolve(LOCK), CREATE, WRITE);
        try {
            lock(lockFile, dir);
            OutboxFiles.deleteTempFiles(dir);
            OutboxFiles.deleteTempFiles(dir.resolve(REJECTED));
            List<PendingMark> marks = dropRejected(dir, OutboxFiles.readMarks(dir, PendingMark::fromJson));
            claim(dir, judge, marks.isEmpty());
            return new Outbox(dir, clock, lockFile, marks);
        } catch (IOException | RuntimeException e) {
            lockFile.close();
            throw e;
        }
    }

    /** What the outbox in {@code dir} holds, without taking it over: for looking while a client runs. */
    public static OutboxContents read(Path dir) throws IOException {
        List<PendingMark> marks = OutboxFiles.readMarks(dir, PendingMark::fromJson);
        return new OutboxContents(sorted(marks, CREATION_ORDER), readRejected(dir.resolve(REJECTED)));
    }

    /**
     * Stores a mark durably: when this returns, the mark survives a crash. Adding the same id with the
     * same content again changes nothing.
     *
     * @throws IllegalArgumentException when the id is pending with other content (the server would
     *                                  refuse it as IDEMPOTENCY_CONFLICT, and the first one must not be lost)
     */
    public synchronized PendingMark add(UUID clientMarkId, JsonObject mark) throws IOException {
        ensureOpen();
        PendingMark existing = pending.get(clientMarkId);
        if (existing != null) {
            if (ExactJson.encode(existing.mark()).equals(ExactJson.encode(mark))) {
                return existing;
            }
            throw new IllegalArgumentException("mark " + clientMarkId + " is already pending with other content");
        }
        PendingMark added = new PendingMark(clientMarkId, lastSequence + 1, clock.instant(), mark);
        OutboxFiles.writeAtomically(markFile(dir, clientMarkId), ExactJson.encode(added.toJson()));
        lastSequence = added.sequence();
        pending.put(clientMarkId, added);
        return added;
    }

    /** Forgets an acknowledged mark; false when it was not pending. */
    public synchronized boolean remove(UUID clientMarkId) throws IOException {
        ensureOpen();
        if (!pending.containsKey(clientMarkId)) {
            return false;
        }
        // No folder sync: a delete lost in a crash only brings the mark back, and its resend is a DUPLICATE.
        Files.deleteIfExists(markFile(dir, clientMarkId));
        pending.remove(clientMarkId);
        return true;
    }

    /** Moves a refused mark to {@code rejected/} with the server's error; empty when it was not pending. */
    public synchronized Optional<RejectedMark> reject(UUID clientMarkId, JsonObject error) throws IOException {
        ensureOpen();
        PendingMark mark = pending.get(clientMarkId);
        if (mark == null) {
            return Optional.empty();
        }
        RejectedMark rejected = new RejectedMark(mark, clock.instant(), error);
        // Written before the pending file goes: a crash in between leaves both, and open() drops the pending one.
        OutboxFiles.writeAtomically(markFile(rejectedDir, clientMarkId), ExactJson.encode(rejected.toJson()));
        Files.deleteIfExists(markFile(dir, clientMarkId));
        pending.remove(clientMarkId);
        return Optional.of(rejected);
    }

    /** The pending marks, oldest first. */
    public synchronized List<PendingMark> pending() {
        return sorted(List.copyOf(pending.values()), CREATION_ORDER);
    }

    public synchronized Optional<PendingMark> find(UUID clientMarkId) {
        return Optional.ofNullable(pending.get(clientMarkId));
    }

    public synchronized int size() {
        return pending.size();
    }

    /** The refused marks, read from {@code rejected/}, in the order they were refused. */
    public List<RejectedMark> rejected() throws IOException {
        return readRejected(rejectedDir);
    }

    public Path directory() {
        return dir;
    }

    /** Releases the lock; the marks stay on disk for the next {@link #open}. */
    @Override
    public synchronized void close() throws IOException {
        if (!closed) {
            closed = true;
            lockFile.close();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the outbox " + dir + " is closed");
        }
    }

    private static void lock(FileChannel lockFile, Path dir) throws IOException {
        FileLock lock;
        try {
            lock = lockFile.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            throw new IllegalStateException("the outbox " + dir + " is in use by another judge client");
        }
    }

    /** Marks already recorded as rejected when a crash cut {@link #reject} short: the rejection stands. */
    private static List<PendingMark> dropRejected(Path dir, List<PendingMark> marks) throws IOException {
        Path rejectedDir = dir.resolve(REJECTED);
        List<PendingMark> kept = new ArrayList<>();
        for (PendingMark mark : marks) {
            if (Files.exists(markFile(rejectedDir, mark.clientMarkId()))) {
                Files.deleteIfExists(markFile(dir, mark.clientMarkId()));
            } else {
                kept.add(mark);
            }
        }
        return kept;
    }

    /** Records the owner; another judge may take the outbox over only once nothing of the first is pending. */
    private static void claim(Path dir, String judge, boolean nothingPending) throws IOException {
        Path ownerFile = dir.resolve(OWNER);
        String owner = Files.exists(ownerFile) ? Files.readString(ownerFile, StandardCharsets.UTF_8).strip() : null;
        if (judge.equals(owner)) {
            return;
        }
        if (owner != null && !nothingPending) {
            throw new IllegalStateException("the outbox " + dir + " holds marks of judge " + owner
                    + ", not of " + judge + "; use another outbox folder");
        }
        OutboxFiles.writeAtomically(ownerFile, judge);
    }

    private static List<RejectedMark> readRejected(Path rejectedDir) throws IOException {
        return sorted(OutboxFiles.readMarks(rejectedDir, RejectedMark::fromJson), REJECTION_ORDER);
    }

    private static <T> List<T> sorted(List<T> items, Comparator<? super T> order) {
        return items.stream().sorted(order).toList();
    }
}
