package org.craftmark.server.marking;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.craftmark.server.events.EventJson;
import org.craftmark.server.http.ErrorResponses;
import org.craftmark.server.http.JsonInput;
import org.craftmark.server.marking.Assignments.EventAssignment;

/** Marks, acks and assignments on the wire (WebSocket frames and the batch endpoint alike). */
final class MarkJson {
    static final int MAX_CLIENT_MARK_ID = 64;

    private MarkJson() {
    }

    /** Reads a mark; the caller runs {@code input.check()} and answers problems as a rejection. */
    static MarkSubmission read(JsonInput input, String deviceId) {
        String clientMarkId = input.requiredString("clientMarkId", MAX_CLIENT_MARK_ID);
        Long eventId = input.requiredLong("eventId", 1, Long.MAX_VALUE);
        Long entryId = input.requiredLong("entryId", 1, Long.MAX_VALUE);
        String criterion = input.requiredString("criterion", 20);
        var value = input.requiredDecimal("value");
        input.check();
        return new MarkSubmission(clientMarkId, eventId, entryId, criterion, value, deviceId);
    }

    static JsonObject ack(Ack ack) {
        JsonObject json = new JsonObject()
                .put("type", "ack")
                .put("clientMarkId", ack.clientMarkId())
                .put("status", ack.status().name());
        if (ack.error() != null) {
            return json.put("error", ErrorResponses.body(ack.error()).getJsonObject("error"));
        }
        return json.put("markId", ack.markId()).put("version", ack.version());
    }

    static JsonObject assignments(java.util.List<EventAssignment> assignments) {
        JsonArray events = new JsonArray();
        for (EventAssignment a : assignments) {
            JsonArray criteria = new JsonArray();
            a.criteria().forEach(c -> criteria.add(EventJson.criterion(c)));
            JsonArray entries = new JsonArray();
            a.entries().forEach(e -> entries.add(new JsonObject().put("entryId", e.id()).put("bib", e.bib())));
            events.add(new JsonObject()
                    .put("eventId", a.event().id())
                    .put("contestId", a.contest().id())
                    // The contest's name and the group tell two 车工 events apart on the task list.
                    .put("contestName", a.contest().name())
                    .put("contestStatus", a.contest().status().name())
                    .put("occupationCode", a.event().occupationCode())
                    .put("occupationName", a.event().occupationName())
                    .put("group", a.event().group().name())
                    .put("panelRole", a.panelRole())
                    .put("locked", a.event().locked())
                    .put("criteria", criteria)
                    .put("entries", entries));
        }
        return new JsonObject().put("type", "assignments").put("events", events);
    }
}
