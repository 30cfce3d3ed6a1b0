package org.craftmark.server.marking;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.craftmark.core.marking.Criterion;
import org.craftmark.core.marking.Kind;
import org.craftmark.core.marking.Method;
import org.craftmark.server.testing.JudgeSocket;
import org.craftmark.server.testing.MarkingFixture;
import org.craftmark.server.testing.OnEveryBackend;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every bad frame in the table gets a clear answer — an error frame or a REJECTED ack — and stores nothing. */
@DisplayName("Bad frames on /ws/judge")
class BadFramesTest extends OnEveryBackend {
    private static Vertx vertx;
    private static MarkingFixture season;

    /** A frame, and the answer it must get: {@code error} frame or {@code ack}, with the error code. */
    record Bad(String why, String frame, String answer, String code) {
    }

    @BeforeParameterizedClassInvocation
    static void setUp() {
        vertx = Vertx.vertx();
        season = MarkingFixture.create(server, List.of(
                        new Criterion("A1", "A", "尺寸", Kind.MEASUREMENT, BigDecimal.valueOf(30), Method.SINGLE, 1),
                        new Criterion("W1", "B", "外观", Kind.JUDGEMENT, BigDecimal.valueOf(9), Method.WSS, 3)),
                List.of(), List.of("A01", "A02"), List.of("bad-chief", "bad-j1"));
    }

    @AfterParameterizedClassInvocation
    static void tearDown() {
        vertx.close().await();
    }

    static List<Bad> table() {
        String a01 = String.valueOf(season.entry("A01"));
        String event = String.valueOf(season.eventId);
        return List.of(
                new Bad("not JSON", "{type:mark", "error", "MALFORMED"),
                new Bad("a JSON string", "\"mark\"", "error", "MALFORMED"),
                new Bad("a JSON array", "[{\"type\":\"mark\"}]", "error", "MALFORMED"),
                new Bad("no type", "{\"value\":3}", "error", "MALFORMED"),
                new Bad("unknown type", "{\"type\":\"delete\"}", "error", "MALFORMED"),
                new Bad("duplicate keys", "{\"type\":\"ping\",\"type\":\"mark\"}", "error", "MALFORMED"),
                new Bad("mark without clientMarkId", mark(null, event, a01, "\"A1\"", "12"), "error", "VALIDATION_FAILED"),
                new Bad("clientMarkId too long", mark("x".repeat(65), event, a01, "\"A1\"", "12"), "error", "VALIDATION_FAILED"),
                new Bad("value a string", mark(id(), event, a01, "\"A1\"", "\"12\""), "ack", "MALFORMED"),
                new Bad("value missing", mark(id(), event, a01, "\"A1\"", null), "ack", "VALIDATION_FAILED"),
                new Bad("value NaN", mark(id(), event, a01, "\"A1\"", "NaN"), "error", "MALFORMED"),
                new Bad("value above maxMark", mark(id(), event, a01, "\"A1\"", "30.01"), "ack", "VALIDATION_FAILED"),
                new Bad("value negative", mark(id(), event, a01, "\"A1\"", "-0.5"), "ack", "VALIDATION_FAILED"),
                new Bad("three decimals", mark(id(), event, a01, "\"A1\"", "12.125"), "ack", "VALIDATION_FAILED"),
                new Bad("huge number", mark(id(), event, a01, "\"A1\"", "1e400"), "ack", "VALIDATION_FAILED"),
                new Bad("WSS not an integer", mark(id(), event, a01, "\"W1\"", "2.5"), "ack", "VALIDATION_FAILED"),
                new Bad("WSS above 3", mark(id(), event, a01, "\"W1\"", "4"), "ack", "VALIDATION_FAILED"),
                new Bad("unknown criterion", mark(id(), event, a01, "\"Z9\"", "1"), "ack", "VALIDATION_FAILED"),
                new Bad("criterion a number", mark(id(), event, a01, "7", "1"), "ack", "MALFORMED"),
                new Bad("entryId a string", mark(id(), event, "\"A01\"", "\"A1\"", "1"), "ack", "MALFORMED"),
                new Bad("entryId zero", mark(id(), event, "0", "\"A1\"", "1"), "ack", "VALIDATION_FAILED"),
                new Bad("entry of another event", mark(id(), event, "999999", "\"A1\"", "1"), "ack", "NOT_FOUND"),
                new Bad("unknown event", mark(id(), "999999", a01, "\"A1\"", "1"), "ack", "NOT_FOUND"));
    }

    @Test
    void everyBadFrameIsAnsweredClearlyAndStoresNothing() {
        int before = storedMarks();
        List<String> failures = new ArrayList<>();
        try (JudgeSocket socket = JudgeSocket.connect(vertx, api, "bad-j1", MarkingFixture.JUDGE_PASSWORD)) {
            for (Bad bad : table()) {
                socket.sendText(bad.frame());
                JsonObject answer = socket.next(bad.answer());
                String code = answer.getJsonObject("error").getString("code");
                if (!bad.code().equals(code) || "ack".equals(bad.answer()) && !"REJECTED".equals(answer.getString("status"))) {
                    failures.add(bad.why() + ": got " + answer.encode());
                }
            }
            socket.send(new JsonObject().put("type", "ping"));
            assertThat(socket.next("pong")).as("the connection stays open").isNotNull();
        }
        assertThat(failures).isEmpty();
        assertThat(storedMarks()).isEqualTo(before);
    }

    private static int storedMarks() {
        return server.app().database().stores().marks().currentOfEvent(season.eventId).size();
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    private static String mark(String clientMarkId, String eventId, String entryId, String criterion, String value) {
        StringBuilder json = new StringBuilder("{\"type\":\"mark\"");
        if (clientMarkId != null) {
            json.append(",\"clientMarkId\":\"").append(clientMarkId).append('"');
        }
        json.append(",\"eventId\":").append(eventId).append(",\"entryId\":").append(entryId).append(",\"criterion\":").append(criterion);
        if (value != null) {
            json.append(",\"value\":").append(value);
        }
        return json.append('}').toString();
    }
}
