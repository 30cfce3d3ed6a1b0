package org.craftmark.server.fuzz;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.craftmark.server.access.MatrixSeason;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Frames for {@code /ws/judge} that no server may accept as a mark: text that is not one JSON
 * object, unknown types, and marks whose value is out of every range or of the wrong type (so
 * none is stored whatever the ids). A frame over 16 KiB, or a binary one, may come last: it closes
 * the connection with 1008.
 */
final class HostileFrames {
    static final int MAX_FRAME_BYTES = 16 * 1024;

    /** Out of range for a 0–100 criterion, or not a number at all. */
    private static final List<String> BAD_VALUES = List.of("-1", "-0.01", "100.01", "101", "1e308", "1e400", "-1e400",
            "123456789012345678901234567890", "\"50\"", "\"NaN\"", "\"Infinity\"", "true", "null", "[50]", "{\"v\":50}");

    private final MatrixSeason season;

    HostileFrames(MatrixSeason season) {
        this.season = season;
    }

    /** Text frames, then perhaps one that ends the connection (an oversized text frame, or binary: prefix "BINARY:"). */
    Arbitrary<List<String>> conversations() {
        Arbitrary<List<String>> texts = Arbitraries.oneOf(mark(), hello(), notAMark()).list().ofMinSize(1).ofMaxSize(12);
        Arbitrary<String> ending = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.just("")),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(MAX_FRAME_BYTES + 1, 60_000).map(n -> "{\"type\":\"hello\",\"deviceId\":\"" + "x".repeat(n) + "\"}")),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("BINARY:{\"type\":\"hello\"}")));
        return Combinators.combine(texts, ending).as((frames, last) -> {
            List<String> all = new ArrayList<>(frames);
            if (!last.isEmpty()) {
                all.add(last);
            }
            return all;
        });
    }

    private Arbitrary<String> mark() {
        Arbitrary<String> eventId = Arbitraries.oneOf(Arbitraries.just(String.valueOf(season.event)), Hostile.value());
        Arbitrary<String> entryId = Arbitraries.oneOf(Arbitraries.just(String.valueOf(season.entry)), Hostile.value());
        Arbitrary<String> criterion = Arbitraries.oneOf(Arbitraries.just("\"A1\""), Hostile.value());
        Arbitrary<String> clientMarkId = Arbitraries.oneOf(Arbitraries.create(() -> Hostile.quote(java.util.UUID.randomUUID().toString())),
                Hostile.value());
        Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.of(BAD_VALUES), Hostile.wrongTypeValue());
        return Combinators.combine(clientMarkId, eventId, entryId, criterion, value).as((id, event, entry, c, v) ->
                "{\"type\":\"mark\",\"clientMarkId\":" + id + ",\"eventId\":" + event + ",\"entryId\":" + entry
                        + ",\"criterion\":" + c + ",\"value\":" + v + "}");
    }

    private Arbitrary<String> hello() {
        return Hostile.value().map(device -> "{\"type\":\"hello\",\"deviceId\":" + device + "}");
    }

    private Arbitrary<String> notAMark() {
        return Arbitraries.oneOf(
                Hostile.notAnObject().map(bytes -> new String(bytes, StandardCharsets.UTF_8)),
                Hostile.value().map(type -> "{\"type\":" + type + "}"),
                Hostile.objectWithWrongTypes(List.of("type", "eventId", "entryId", "value")))
                .filter(text -> text.getBytes(StandardCharsets.UTF_8).length <= MAX_FRAME_BYTES);
    }
}
