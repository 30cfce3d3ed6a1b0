package org.craftmark.judge.sdk;

import io.vertx.core.json.JsonObject;
import org.craftmark.judge.outbox.ExactJson;

import java.util.Optional;

import static org.craftmark.judge.sdk.MarkJson.objects;
import static org.craftmark.judge.sdk.MarkJson.required;
import static org.craftmark.judge.sdk.MarkJson.text;

/** The text frames of {@code /ws/judge}, one JSON object each (see docs/judge-protocol.md). */
final class Frames {
    private static final System.Logger LOG = System.getLogger(Frames.class.getName());

    private Frames() {
    }

    static String hello(String deviceId) {
        return ExactJson.encode(new JsonObject().put("type", "hello").put("deviceId", deviceId));
    }

    static String ping() {
        return ExactJson.encode(new JsonObject().put("type", "ping"));
    }

    static String mark(JsonObject mark) {
        return ExactJson.encode(new JsonObject().put("type", "mark").mergeIn(mark));
    }

    /**
     * What a frame from the server says; empty (with a warning) for one this client cannot read, so
     * that a newer server's additions never break an older tablet.
     */
    static Optional<ServerMessage> read(String text) {
        try {
            return Optional.ofNullable(message(ExactJson.parseObject(text)));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "ignoring a frame from the server ({0}): {1}", e.getMessage(), text);
            return Optional.empty();
        }
    }

    private static ServerMessage message(JsonObject frame) {
        return switch (text(frame, "type")) {
            case "assignments" -> assignments(frame);
            case "ack" -> MarkJson.ack(frame);
            case "pong" -> new ServerMessage.Pong();
            case "discrepancy" -> new Push.Discrepancy(eventId(frame),
                    required(frame, "entryId", frame::getLong), required(frame, "criterion", frame::getString));
            case "locked" -> new Push.Locked(eventId(frame));
            case "unlocked" -> new Push.Unlocked(eventId(frame));
            case "error" -> new Push.ServerError(MarkJson.error(required(frame, "error", frame::getJsonObject)),
                    frame.containsKey("clientMarkId") ? MarkJson.clientMarkId(frame) : null);
            default -> {
                LOG.log(System.Logger.Level.DEBUG, "ignoring a frame of unknown type: {0}", frame.getValue("type"));
                yield null;
            }
        };
    }

    private static Assignments assignments(JsonObject frame) {
        return new Assignments(objects(frame.getJsonArray("events")).stream().map(Frames::event).toList());
    }

    private static Assignments.Event event(JsonObject json) {
        return new Assignments.Event(
                eventId(json),
                json.getLong("contestId"),
                json.getString("occupationName"),
                json.getBoolean("locked", false),
                objects(json.getJsonArray("criteria")).stream().map(Frames::criterion).toList(),
                objects(json.getJsonArray("entries")).stream().map(Frames::entry).toList());
    }

    private static Assignments.Criterion criterion(JsonObject json) {
        return new Assignments.Criterion(
                required(json, "code", json::getString),
                json.getString("module"),
                json.getString("name"),
                json.getString("kind"),
                ExactJson.decimal(json, "maxMark"),
                json.getString("method"),
                json.getInteger("judges"));
    }

    private static Assignments.Entry entry(JsonObject json) {
        return new Assignments.Entry(required(json, "entryId", json::getLong), text(json, "bib"));
    }

    private static long eventId(JsonObject json) {
        return required(json, "eventId", json::getLong);
    }
}
