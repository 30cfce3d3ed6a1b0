package org.craftmark.server.marking;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.craftmark.core.marking.Criterion;
import org.craftmark.core.marking.Kind;
import org.craftmark.core.marking.Method;
import org.craftmark.server.testing.Api;
import org.craftmark.server.testing.Backend;
import org.craftmark.server.testing.JudgeSocket;
import org.craftmark.server.testing.MarkingFixture;
import org.craftmark.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The tablet's WebSocket, frame by frame: acks only after commit, exactly-once, every rejection. */
@DisplayName("Marking over /ws/judge")
class JudgeSocketTest {
    private static TestServer server;
    private static Vertx vertx;
    private static MarkingFixture season;

    @BeforeAll
    static void start() {
        server = TestServer.start(Backend.H2);
        vertx = Vertx.vertx();
        season = MarkingFixture.create(server, List.of(
                        new Criterion("A1", "A", "尺寸", Kind.MEASUREMENT, BigDecimal.valueOf(30), Method.SINGLE, 1),
                        new Criterion("B1", "B", "工艺", Kind.JUDGEMENT, BigDecimal.valueOf(20), Method.MEAN, 2),
                        new Criterion("W1", "B", "外观", Kind.JUDGEMENT, BigDecimal.valueOf(9), Method.WSS, 3)),
                List.of(), List.of("A01", "A02", "A03"), List.of("ws-chief", "ws-j1", "ws-j2", "ws-j3"));
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
        server.close();
    }

    private static JudgeSocket judge(String name) {
        return JudgeSocket.connect(vertx, server.api(), name, MarkingFixture.JUDGE_PASSWORD);
    }

    private static JsonObject mark(String clientMarkId, String bib, String criterion, Object value) {
        return new JsonObject().put("type", "mark").put("clientMarkId", clientMarkId).put("eventId", season.eventId)
                .put("entryId", season.entry(bib)).put("criterion", criterion).put("value", value);
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    @Test
    void helloAnswersTheJudgesEventsCriteriaAndEntries() {
        try (JudgeSocket socket = judge("ws-j1")) {
            socket.send(new JsonObject().put("type", "hello").put("deviceId", "tablet-01"));
            JsonArray events = socket.next("assignments").getJsonArray("events");

            JsonObject event = events.stream().map(JsonObject.class::cast)
                    .filter(e -> e.getLong("eventId") == season.eventId).findFirst().orElseThrow();
            assertThat(event.getJsonArray("criteria").stream().map(c -> ((JsonObject) c).getString("code"))).containsExactly("A1", "B1", "W1");
            assertThat(event.getJsonArray("entries").stream().map(e -> ((JsonObject) e).getString("bib"))).containsExactly("A01", "A02", "A03");
        }
    }

    @Test
    void aJudgeSeatedOnNewCriteriaGetsFreshAssignmentsWithoutReconnecting() {
        season.seatJudgeFor("ws-reseated", List.of("A1"));
        try (JudgeSocket socket = judge("ws-reseated")) {
            socket.send(new JsonObject().put("type", "hello"));
            JsonObject first = socket.next("assignments").getJsonArray("events").getJsonObject(0);
            assertThat(first.getJsonArray("criteria").stream().map(c -> ((JsonObject) c).getString("code"))).containsExactly("A1");

            var services = server.app().services();
            services.panels().seat(services.users().find("admin").orElseThrow(), new org.craftmark.server.store.PanelStore.PanelSeat(
                    season.eventId, season.judges.get("ws-reseated"), "JUDGE", List.of("A1", "W1")));

            JsonObject fresh = socket.next("assignments").getJsonArray("events").getJsonObject(0);
            assertThat(fresh.getJsonArray("criteria").stream().map(c -> ((JsonObject) c).getString("code"))).containsExactly("A1", "W1");
        }
    }

    @Test
    void aJudgeInConflictDoesNotSeeTheEntryAndCannotMarkIt() {
        season.seatConflictedJudge("ws-conflicted", "A02");
        try (JudgeSocket socket = judge("ws-conflicted")) {
            socket.send(new JsonObject().put("type", "hello"));
            JsonObject event = socket.next("assignments").getJsonArray("events").getJsonObject(0);
            assertThat(event.getJsonArray("entries").stream().map(e -> ((JsonObject) e).getString("bib"))).containsExactly("A01", "A03");

            socket.send(mark(newId(), "A02", "B1", 10));
            JsonObject ack = socket.next("ack");
            assertThat(ack.getString("status")).isEqualTo("REJECTED");
            assertThat(ack.getJsonObject("error").getString("code")).isEqualTo("CONFLICT_OF_INTEREST");
        }
    }

    @Test
    void aMarkIsAcceptedOnceAndItsRepeatIsADuplicate() {
        try (JudgeSocket socket = judge("ws-j1")) {
            String id = newId();
            socket.send(mark(id, "A01", "B1", 17.5));
            JsonObject accepted = socket.next("ack");
            assertThat(accepted.getString("status")).isEqualTo("ACCEPTED");
            assertThat(accepted.getString("clientMarkId")).isEqualTo(id);

            socket.send(mark(id, "A01", "B1", 17.50));
            JsonObject duplicate = socket.next("ack");
            assertThat(duplicate.getString("status")).isEqualTo("DUPLICATE");
            assertThat(duplicate.getLong("markId")).isEqualTo(accepted.getLong("markId"));
            assertThat(duplicate.getInteger("version")).isEqualTo(accepted.getInteger("version"));

            socket.send(mark(id, "A01", "B1", 16));
            JsonObject conflict = socket.next("ack");
            assertThat(conflict.getString("status")).isEqualTo("REJECTED");
            assertThat(conflict.getJsonObject("error").getString("code")).isEqualTo("IDEMPOTENCY_CONFLICT");
        }
    }

    @Test
    void aNewMarkForTheSameEntryAndCriterionIsTheNextVersion() {
        try (JudgeSocket socket = judge("ws-j2")) {
            socket.send(mark(newId(), "A03", "B1", 12));
            int first = socket.next("ack").getInteger("version");
            socket.send(mark(newId(), "A03", "B1", 13.25));
            int second = socket.next("ack").getInteger("version");

            assertThat(second).isEqualTo(first + 1);
        }
    }

    @Test
    void invalidMarksAreRejectedWithTheirReason() {
        season.seatJudgeFor("ws-only-a1", List.of("A1"));
        try (JudgeSocket socket = judge("ws-j3"); JudgeSocket narrow = judge("ws-only-a1")) {
            assertRejected(socket, mark(newId(), "A01", "B1", 20.5), "VALIDATION_FAILED");
            assertRejected(socket, mark(newId(), "A01", "B1", 10.125), "VALIDATION_FAILED");
            assertRejected(socket, mark(newId(), "A01", "B1", -1), "VALIDATION_FAILED");
            assertRejected(socket, mark(newId(), "A01", "W1", 1.5), "VALIDATION_FAILED");
            assertRejected(socket, mark(newId(), "A01", "W1", 4), "VALIDATION_FAILED");
            assertRejected(socket, mark(newId(), "A01", "Z9", 1), "VALIDATION_FAILED");
            assertRejected(socket, mark(newId(), "A01", "B1", "ten"), "MALFORMED");
            assertRejected(socket, mark(newId(), "A01", "B1", 5).put("entryId", 999_999), "NOT_FOUND");
            assertRejected(socket, mark(newId(), "A01", "B1", 5).put("eventId", 999_999), "NOT_FOUND");
            assertRejected(narrow, mark(newId(), "A01", "B1", 5), "FORBIDDEN");
        }
    }

    @Test
    void aJudgeOffThePanelIsForbidden() {
        server.app().services().users().create(server.app().services().users().find("admin").orElseThrow(),
                new org.craftmark.server.users.UserService.NewUserRequest("ws-outsider", MarkingFixture.JUDGE_PASSWORD,
                        org.craftmark.server.auth.Role.JUDGE, "outsider", null, null));
        try (JudgeSocket socket = judge("ws-outsider")) {
            assertRejected(socket, mark(newId(), "A01", "A1", 5), "FORBIDDEN");
        }
    }

    @Test
    void aMalformedFrameGetsAnErrorFrameAndTheConnectionStaysOpen() {
        try (JudgeSocket socket = judge("ws-j1")) {
            socket.sendText("this is not json");
            assertThat(socket.next("error").getJsonObject("error").getString("code")).isEqualTo("MALFORMED");
            socket.sendText("[1,2,3]");
            assertThat(socket.next("error").getJsonObject("error").getString("code")).isEqualTo("MALFORMED");
            socket.send(new JsonObject().put("type", "dance"));
            assertThat(socket.next("error").getJsonObject("error").getString("code")).isEqualTo("MALFORMED");
            socket.send(new JsonObject().put("type", "mark").put("value", 3));
            assertThat(socket.next("error").getJsonObject("error").getString("code")).isEqualTo("VALIDATION_FAILED");

            socket.send(new JsonObject().put("type", "ping"));
            assertThat(socket.next("pong")).isNotNull();
            assertThat(socket.isClosed()).isFalse();
        }
    }

    @Test
    void aFrameOverSixteenKibibytesClosesTheConnectionWith1008() {
        try (JudgeSocket socket = judge("ws-j1")) {
            socket.send(new JsonObject().put("type", "ping").put("padding", "x".repeat(17 * 1024)));

            assertThat(socket.awaitClose()).isEqualTo((short) 1008);
            assertThat(socket.closeReason()).contains("16 KiB");
        }
    }

    @Test
    void moreThanFiftyFramesInASecondClosesTheConnectionWith1008() {
        try (JudgeSocket socket = judge("ws-j1")) {
            for (int i = 0; i < 120 && !socket.isClosed(); i++) {
                socket.sendText("{\"type\":\"ping\"}");
            }

            assertThat(socket.awaitClose()).isEqualTo((short) 1008);
            assertThat(socket.closeReason()).contains("frames per second");
        }
    }

    @Test
    void aBadTicketIsRefusedBeforeTheUpgrade() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> JudgeSocket.connectWithTicket(vertx, server.api(), "forged"))
                .hasMessageContaining("401");
    }

    @Test
    void theBatchEndpointAnswersEachMarkInOrderWithTheSameSemantics() {
        Api api = server.api();
        String token = api.token("ws-j3", MarkingFixture.JUDGE_PASSWORD);
        String id = newId();
        JsonArray marks = new JsonArray()
                .add(mark(id, "A02", "A1", 28.5))
                .add(mark(id, "A02", "A1", 28.5))
                .add(mark(newId(), "A02", "A1", 31))
                .add("not a mark");

        Api.Response response = api.post("/api/v1/marks:batch", new JsonObject().put("marks", marks), token);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonArray acks = response.json().getJsonArray("acks");
        assertThat(acks.stream().map(a -> ((JsonObject) a).getString("status"))).containsExactly("ACCEPTED", "DUPLICATE", "REJECTED", "REJECTED");
        assertThat(api.post("/api/v1/marks:batch", new JsonObject().put("marks", new JsonArray()), null).status()).isEqualTo(401);
    }

    @Test
    void wssMarksMoreThanOneApartPushADiscrepancyToThePanel() {
        try (JudgeSocket chief = judge("ws-chief"); JudgeSocket j1 = judge("ws-j1"); JudgeSocket j2 = judge("ws-j2")) {
            chief.send(new JsonObject().put("type", "hello"));
            chief.next("assignments");
            j1.send(mark(newId(), "A03", "W1", 0));
            j1.next("ack");
            j2.send(mark(newId(), "A03", "W1", 3));
            j2.next("ack");

            JsonObject push = chief.next("discrepancy");
            assertThat(push.getLong("eventId")).isEqualTo(season.eventId);
            assertThat(push.getLong("entryId")).isEqualTo(season.entry("A03"));
            assertThat(push.getString("criterion")).isEqualTo("W1");
        }
    }

    private static void assertRejected(JudgeSocket socket, JsonObject mark, String code) {
        socket.send(mark);
        JsonObject ack = socket.next("ack");
        assertThat(ack.getString("status")).as(mark.encode()).isEqualTo("REJECTED");
        assertThat(ack.getJsonObject("error").getString("code")).as(mark.encode()).isEqualTo(code);
    }
}
