package org.craftmark.server.marking;

import io.vertx.core.json.JsonObject;
import org.craftmark.core.marking.Criterion;
import org.craftmark.core.marking.Kind;
import org.craftmark.core.marking.Method;
import org.craftmark.server.testing.Backend;
import org.craftmark.server.testing.JudgeSocket;
import org.craftmark.server.testing.MarkingFixture;
import org.craftmark.server.testing.TestServer;
import org.craftmark.server.testing.TestVertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * While the database stalls (here: the event row locked by another transaction), a tablet sending
 * within the frame rate cannot make the server queue without end: past 64 waiting frames each mark
 * is answered UNAVAILABLE, by name, and stored nowhere; once the database answers, the queued ones are
 * acknowledged and the refused ones go in when sent again.
 */
@DisplayName("A judge socket while the database stalls")
class SlowDatabaseBackpressureTest {
    private static final int SENT = JudgeSession.MAX_PENDING_FRAMES + 16;
    private static TestServer server;
    private static MarkingFixture season;

    @BeforeAll
    static void start() {
        // MariaDB: its lock wait (50 s) outlasts the stall; H2 would time out after 1 s.
        server = TestServer.start(Backend.MYSQL);
        season = MarkingFixture.create(server, List.of(new Criterion("A1", "A", "尺寸", Kind.MEASUREMENT, BigDecimal.valueOf(100),
                Method.SINGLE, 1)), List.of(), List.of("S01"), List.of("bp-judge"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    @DisplayName("64 frames wait, the 16 beyond are refused UNAVAILABLE by clientMarkId; nothing is lost once it clears")
    void framesBeyondTheBoundAreRefusedRetryably() throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> stall = CompletableFuture.runAsync(() -> server.app().database().transaction(tx -> {
            tx.events().findForUpdate(season.eventId).orElseThrow();
            locked.countDown();
            return awaitQuietly(release);
        }));
        assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
        List<JsonObject> marks = IntStream.rangeClosed(1, SENT).mapToObj(SlowDatabaseBackpressureTest::mark).toList();

        try (JudgeSocket socket = JudgeSocket.connect(TestVertx.shared(), server.api(), "bp-judge", MarkingFixture.JUDGE_PASSWORD)) {
            socket.sendAllPaced(marks);
            List<String> refused = new ArrayList<>();
            for (int i = 0; i < SENT - JudgeSession.MAX_PENDING_FRAMES; i++) {
                JsonObject error = socket.next("error");
                assertThat(error.getJsonObject("error").getString("code")).isEqualTo("UNAVAILABLE");
                refused.add(error.getString("clientMarkId"));
            }
            assertThat(refused).containsExactlyElementsOf(marks.subList(JudgeSession.MAX_PENDING_FRAMES, SENT).stream()
                    .map(m -> m.getString("clientMarkId")).toList());

            release.countDown();
            stall.get(30, TimeUnit.SECONDS);
            for (int i = 0; i < JudgeSession.MAX_PENDING_FRAMES; i++) {
                assertThat(socket.next("ack").getString("status")).isEqualTo("ACCEPTED");
            }
            List<JsonObject> resent = socket.markAllPaced(marks.subList(JudgeSession.MAX_PENDING_FRAMES, SENT));
            assertThat(resent).allSatisfy(ack -> assertThat(ack.getString("status")).isEqualTo("ACCEPTED"));
            assertThat(resent.getLast().getInteger("version")).as("every mark stored once, in order").isEqualTo(SENT);
        }
    }

    private static JsonObject mark(int n) {
        return new JsonObject().put("type", "mark").put("clientMarkId", UUID.randomUUID().toString()).put("eventId", season.eventId)
                .put("entryId", season.entry("S01")).put("criterion", "A1").put("value", n % 100);
    }

    private static Void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }
}
