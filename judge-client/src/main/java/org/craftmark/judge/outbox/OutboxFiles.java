package org.craftmark.judge.outbox;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;
import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.TRUNCATE_EXISTING;
import static java.nio.file.StandardOpenOption.WRITE;

/** The outbox on disk: file names, crash-safe writes, and reading a folder of marks. */
final class OutboxFiles {
    static final String MARK_SUFFIX = ".json";
    static final String TEMP_SUFFIX = ".tmp";
    static final String REJECTED = "rejected";
    static final String OWNER = "judge.txt";
    static final String LOCK = ".lock";

    private static final System.Logger LOG = System.getLogger(Outbox.class.getName());

    private OutboxFiles() {
    }

    static Path markFile(Path dir, UUID clientMarkId) {
        return dir.resolve(clientMarkId + MARK_SUFFIX);
    }

    /**
     * Writes a temp file, forces it to the device, renames it over {@code target} and forces the
     * folder: after a crash at any point the target holds the old content or the new, never a part.
     */
    static void writeAtomically(Path target, String content) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + TEMP_SUFFIX);
        try (FileChannel channel = FileChannel.open(temp, CREATE, TRUNCATE_EXISTING, WRITE)) {
            ByteBuffer bytes = StandardCharsets.UTF_8.encode(content);
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
        Files.move(temp, target, ATOMIC_MOVE, REPLACE_EXISTING);
        syncDirectory(target.getParent());
    }

    /** Makes a rename or delete in {@code dir} durable (the folder's entry lives in the folder). */
    static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Windows cannot open a folder as a file; NTFS journals the rename itself.
            LOG.log(System.Logger.Level.TRACE, "cannot force folder {0}: {1}", dir, e.getMessage());
        }
    }

    /** Leftovers of writes cut short by a crash; their rename never happened, so nothing refers to them. */
    static void deleteTempFiles(Path dir) throws IOException {
        for (Path temp : list(dir, "*" + TEMP_SUFFIX)) {
            Files.deleteIfExists(temp);
        }
    }

    /** Every readable mark file in {@code dir}; unreadable ones are left on disk and skipped with a warning. */
    static <T> List<T> readMarks(Path dir, Function<JsonObject, T> reader) throws IOException {
        List<T> marks = new ArrayList<>();
        for (Path file : list(dir, "*" + MARK_SUFFIX)) {
            if (idOf(file).isPresent()) {
                read(file, reader).ifPresent(marks::add);
            }
        }
        return marks;
    }

    static Optional<UUID> idOf(Path file) {
        String name = file.getFileName().toString();
        try {
            return Optional.of(UUID.fromString(name.substring(0, name.length() - MARK_SUFFIX.length())));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private static <T> Optional<T> read(Path file, Function<JsonObject, T> reader) throws IOException {
        try {
            return Optional.of(reader.apply(ExactJson.parseObject(Files.readString(file))));
        } catch (NoSuchFileException e) {
            return Optional.empty(); // removed by an ack while we were listing
        } catch (RuntimeException e) {
            // Kept, not deleted: it may be a judge's mark that a person can still rescue by hand.
            LOG.log(System.Logger.Level.WARNING, "skipping unreadable outbox file {0}: {1}", file, e.getMessage());
            return Optional.empty();
        }
    }

    private static List<Path> list(Path dir, String glob) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, glob)) {
            stream.forEach(files::add);
        }
        return files;
    }
}
