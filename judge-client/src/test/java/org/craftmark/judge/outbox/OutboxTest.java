package org.craftmark.judge.outbox;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutboxTest {
    private static final Instant START = Instant.parse("2026-11-21T09:30:00Z");
    private static final String JUDGE = "judge1";

    @TempDir
    Path dir;

    private final List<Outbox> opened = new ArrayList<>();

    @AfterEach
    void closeAll() throws IOException {
        for (Outbox outbox : opened) {
            outbox.close();
        }
    }

    @Test
    @DisplayName("an added mark is a file <clientMarkId>.json holding the mark, its sequence and creation time")
    void addWritesOneFilePerMark() throws IOException {
        Outbox outbox = open();
        UUID id = UUID.randomUUID();

        PendingMark added = outbox.add(id, mark(id, "17.5"));

        Path file = dir.resolve(id + ".json");
        assertThat(file).exists();
        JsonObject stored = ExactJson.parseObject(Files.readString(file));
        assertThat(stored.getString("clientMarkId")).isEqualTo(id.toString());
        assertThat(stored.getLong("sequence")).isEqualTo(1L);
        assertThat(stored.getString("createdAt")).isEqualTo("2026-11-21T09:30:00Z");
        assertThat(stored.getJsonObject("mark").getValue("value")).isEqualTo(new BigDecimal("17.5"));
        assertThat(added).isEqualTo(new PendingMark(id, 1, START, mark(id, "17.5")));
        assertThat(outbox.size()).isEqualTo(1);
    }

    @Test
    @DisplayName("pending() lists marks in the order they were entered")
    void pendingInCreationOrder() throws IOException {
        Outbox outbox = open();
        List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        for (UUID id : ids) {
            outbox.add(id, mark(id, "1"));
        }

        assertThat(outbox.pending()).extracting(PendingMark::clientMarkId).containsExactlyElementsOf(ids);
        assertThat(outbox.pending()).extracting(PendingMark::sequence).containsExactly(1L, 2L, 3L);
    }

    @Test
    @DisplayName("remove() deletes an acknowledged mark's file; removing it again is a no-op")
    void removeDeletesTheFile() throws IOException {
        Outbox outbox = open();
        UUID id = UUID.randomUUID();
        outbox.add(id, mark(id, "3"));

        assertThat(outbox.remove(id)).isTrue();
        assertThat(outbox.remove(id)).isFalse();
        assertThat(dir.resolve(id + ".json")).doesNotExist();
        assertThat(outbox.pending()).isEmpty();
    }

    @Test
    @DisplayName("reject() moves the mark to rejected/ with the server's error")
    void rejectMovesToRejectedFolder() throws IOException {
        Outbox outbox = open();
        UUID id = UUID.randomUUID();
        outbox.add(id, mark(id, "21"));
        JsonObject error = new JsonObject().put("code", "VALIDATION_FAILED").put("message", "at most 20");

        RejectedMark rejected = outbox.reject(id, error).orElseThrow();

        assertThat(dir.resolve(id + ".json")).doesNotExist();
        assertThat(dir.resolve("rejected").resolve(id + ".json")).exists();
        assertThat(outbox.pending()).isEmpty();
        assertThat(outbox.rejected()).containsExactly(rejected);
        assertThat(rejected.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(rejected.message()).isEqualTo("at most 20");
        assertThat(rejected.mark().clientMarkId()).isEqualTo(id);
    }

    @Test
    @DisplayName("after a restart the same folder gives back the pending marks, in order, and numbering goes on")
    void survivesRestart() throws IOException {
        Outbox first = open();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        first.add(a, mark(a, "17.5"));
        first.add(b, mark(b, "18.25"));
        List<PendingMark> before = first.pending();
        first.close();

        Outbox second = open();
        UUID c = UUID.randomUUID();
        second.add(c, mark(c, "19"));

        assertThat(second.pending()).startsWith(before.toArray(PendingMark[]::new));
        assertThat(second.pending()).extracting(PendingMark::sequence).containsExactly(1L, 2L, 3L);
        assertThat(second.pending().get(1).mark().getValue("value")).isEqualTo(new BigDecimal("18.25"));
    }

    @Test
    @DisplayName("a temp file half-written when the process died is ignored and cleaned up on open")
    void halfWrittenTempFileIgnored() throws IOException {
        UUID id = UUID.randomUUID();
        Files.createDirectories(dir);
        Path temp = dir.resolve(id + ".json.tmp");
        Files.writeString(temp, "{\"clientMarkId\":\"" + id + "\",\"seq");

        assertThat(Outbox.read(dir).pending()).isEmpty();
        assertThat(temp).as("a read-only look leaves it alone").exists();

        Outbox outbox = open();
        assertThat(outbox.pending()).isEmpty();
        assertThat(temp).doesNotExist();
    }

    @Test
    @DisplayName("an unreadable mark file is skipped but kept on disk for a person to rescue")
    void corruptFileKept() throws IOException {
        UUID id = UUID.randomUUID();
        Files.createDirectories(dir);
        Path corrupt = dir.resolve(id + ".json");
        Files.writeString(corrupt, "{not json");

        Outbox outbox = open();

        assertThat(outbox.pending()).isEmpty();
        assertThat(corrupt).exists();
    }

    @Test
    @DisplayName("a mark recorded as rejected just before a crash is not resent")
    void rejectionCutShortByCrash() throws IOException {
        Outbox first = open();
        UUID id = UUID.randomUUID();
        first.add(id, mark(id, "21"));
        Path pendingFile = dir.resolve(id + ".json");
        String pendingCopy = Files.readString(pendingFile);
        first.reject(id, new JsonObject().put("code", "EVENT_LOCKED"));
        first.close();
        Files.writeString(pendingFile, pendingCopy); // as if the delete had not happened

        Outbox second = open();

        assertThat(second.pending()).isEmpty();
        assertThat(pendingFile).doesNotExist();
        assertThat(second.rejected()).hasSize(1);
    }

    @Test
    @DisplayName("adding a pending id again with the same content changes nothing; other content is refused")
    void addIsIdempotent() throws IOException {
        Outbox outbox = open();
        UUID id = UUID.randomUUID();
        PendingMark first = outbox.add(id, mark(id, "17.5"));

        assertThat(outbox.add(id, mark(id, "17.5"))).isEqualTo(first);
        assertThatThrownBy(() -> outbox.add(id, mark(id, "18")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("other content");
        assertThat(outbox.pending()).containsExactly(first);
    }

    @Test
    @DisplayName("one process at a time: a second open of the same folder is refused until the first closes")
    void oneOwnerAtATime() throws IOException {
        Outbox first = open();

        assertThatThrownBy(this::open).isInstanceOf(IllegalStateException.class).hasMessageContaining("in use");
        first.close();
        assertThat(open().pending()).isEmpty();
    }

    @Test
    @DisplayName("another judge cannot take over an outbox that still holds marks, but may once it is empty")
    void oneJudgePerOutbox() throws IOException {
        Outbox mine = open();
        UUID id = UUID.randomUUID();
        mine.add(id, mark(id, "5"));
        mine.close();

        assertThatThrownBy(() -> Outbox.open(dir, "judge2", new SteppingClock(START)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("judge1");

        Outbox again = open();
        again.remove(id);
        again.close();
        Outbox theirs = Outbox.open(dir, "judge2", new SteppingClock(START));
        opened.add(theirs);
        assertThat(theirs.pending()).isEmpty();
    }

    @Test
    @DisplayName("concurrent adds from many threads all land, each with its own sequence number")
    void threadSafe() throws Exception {
        Outbox outbox = open();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Callable<PendingMark>> adds = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            UUID id = UUID.randomUUID();
            adds.add(() -> outbox.add(id, mark(id, "1")));
        }
        try {
            for (Future<PendingMark> added : threads.invokeAll(adds)) {
                added.get(10, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(outbox.pending()).extracting(PendingMark::sequence)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 200).boxed().toList());
        outbox.close();
        assertThat(open().size()).isEqualTo(200);
    }

    @Test
    @DisplayName("a closed outbox refuses changes")
    void closedRefusesChanges() throws IOException {
        Outbox outbox = open();
        outbox.close();
        UUID id = UUID.randomUUID();

        assertThatThrownBy(() -> outbox.add(id, mark(id, "1"))).isInstanceOf(IllegalStateException.class);
    }

    private Outbox open() throws IOException {
        Outbox outbox = Outbox.open(dir, JUDGE, new SteppingClock(START));
        opened.add(outbox);
        return outbox;
    }

    private static JsonObject mark(UUID id, String value) {
        return new JsonObject()
                .put("clientMarkId", id.toString())
                .put("eventId", 3)
                .put("entryId", 17)
                .put("criterion", "B1")
                .put("value", new BigDecimal(value));
    }
}
