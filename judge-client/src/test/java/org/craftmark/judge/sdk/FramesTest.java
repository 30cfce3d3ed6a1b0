package org.craftmark.judge.sdk;

import org.craftmark.core.common.Problem;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class FramesTest {
    private static final UUID ID = UUID.fromString("0b6f4c1e-7d0e-4f43-9a55-2a1d9f0c1e11");

    @Test
    @DisplayName("hello and ping are what the protocol says")
    void clientFrames() {
        assertThat(Frames.hello("tablet-07")).isEqualTo("{\"type\":\"hello\",\"deviceId\":\"tablet-07\"}");
        assertThat(Frames.ping()).isEqualTo("{\"type\":\"ping\"}");
    }

    @Test
    @DisplayName("assignments: events with their criteria (maxMark exact) and entries")
    void assignments() {
        ServerMessage message = read("""
                {"type":"assignments","events":[{"eventId":3,"contestId":1,"occupationName":"电工","locked":false,
                  "criteria":[{"code":"B1","module":"A","name":"Wiring","kind":"MEASUREMENT","maxMark":17.35,
                               "method":"MEAN","judges":3}],
                  "entries":[{"entryId":17,"bib":"A-017"},{"entryId":18,"bib":18}]}]}""");

        assertThat(message).isEqualTo(new Assignments(List.of(new Assignments.Event(3, 1L, "电工", false,
                List.of(new Assignments.Criterion("B1", "A", "Wiring", "MEASUREMENT", new BigDecimal("17.35"), "MEAN", 3)),
                List.of(new Assignments.Entry(17, "A-017"), new Assignments.Entry(18, "18"))))));
    }

    @Test
    @DisplayName("acks: ACCEPTED and DUPLICATE with mark id and version, REJECTED with the error")
    void acks() {
        assertThat(read("{\"type\":\"ack\",\"clientMarkId\":\"" + ID + "\",\"status\":\"ACCEPTED\",\"markId\":812,\"version\":2}"))
                .isEqualTo(new Ack(ID, AckStatus.ACCEPTED, 812L, 2, null));
        assertThat(read("{\"type\":\"ack\",\"clientMarkId\":\"" + ID + "\",\"status\":\"DUPLICATE\",\"markId\":812,\"version\":2}"))
                .isEqualTo(new Ack(ID, AckStatus.DUPLICATE, 812L, 2, null));
        assertThat(read("{\"type\":\"ack\",\"clientMarkId\":\"" + ID + "\",\"status\":\"REJECTED\",\"error\":"
                + "{\"code\":\"EVENT_LOCKED\",\"message\":\"Locked\",\"details\":[{\"field\":\"eventId\",\"problem\":\"locked\"}]}}"))
                .isEqualTo(new Ack(ID, AckStatus.REJECTED, null, null,
                        new ApiError("EVENT_LOCKED", "Locked", List.of(new Problem("eventId", "locked")))));
    }

    @Test
    @DisplayName("pushes: discrepancy, locked, unlocked, error")
    void pushes() {
        assertThat(read("{\"type\":\"discrepancy\",\"eventId\":3,\"entryId\":17,\"criterion\":\"C2\"}"))
                .isEqualTo(new Push.Discrepancy(3, 17, "C2"));
        assertThat(read("{\"type\":\"locked\",\"eventId\":3}")).isEqualTo(new Push.Locked(3));
        assertThat(read("{\"type\":\"unlocked\",\"eventId\":3}")).isEqualTo(new Push.Unlocked(3));
        assertThat(read("{\"type\":\"error\",\"error\":{\"code\":\"MALFORMED\",\"message\":\"not JSON\"}}"))
                .isEqualTo(new Push.ServerError(new ApiError("MALFORMED", "not JSON", List.of()), null));
        assertThat(read("{\"type\":\"error\",\"clientMarkId\":\"" + ID + "\",\"error\":{\"code\":\"UNAVAILABLE\",\"message\":\"db down\"}}"))
                .isEqualTo(new Push.ServerError(new ApiError("UNAVAILABLE", "db down", List.of()), ID));
        assertThat(read("{\"type\":\"pong\"}")).isEqualTo(new ServerMessage.Pong());
    }

    @Test
    @DisplayName("frames this client cannot read are skipped, never fatal")
    void unreadableFramesSkipped() {
        assertThat(Frames.read("{\"type\":\"leaderboard\"}")).isEmpty();
        assertThat(Frames.read("not json")).isEmpty();
        assertThat(Frames.read("{\"type\":\"ack\",\"clientMarkId\":\"" + ID + "\",\"status\":\"MAYBE\"}")).isEmpty();
        assertThat(Frames.read("{\"type\":\"locked\"}")).isEmpty();
    }

    private static ServerMessage read(String text) {
        return Frames.read(text).orElseThrow();
    }
}
