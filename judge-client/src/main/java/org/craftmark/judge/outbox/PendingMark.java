package org.craftmark.judge.outbox;

import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A mark kept on disk until the server acknowledges it.
 *
 * @param clientMarkId the id the tablet gave the mark; the server answers DUPLICATE to a repeat
 * @param sequence     creation order within this outbox (clocks on tablets are not to be trusted for that)
 * @param createdAt    when the judge entered the mark, for people reading the outbox
 * @param mark         the mark as sent to the server (the outbox does not interpret it)
 */
public record PendingMark(UUID clientMarkId, long sequence, Instant createdAt, JsonObject mark) {
    public PendingMark {
        Objects.requireNonNull(clientMarkId, "clientMarkId");
        Objects.requireNonNull(createdAt, "createdAt");
        mark = mark.copy(); // records stay immutable although JsonObject is not
    }

    @Override
    public JsonObject mark() {
        return mark.copy();
    }

    JsonObject toJson() {
        return new JsonObject()
                .put("clientMarkId", clientMarkId.toString())
                .put("sequence", sequence)
                .put("createdAt", createdAt.toString())
                .put("mark", mark.copy());
    }

    static PendingMark fromJson(JsonObject json) {
        return new PendingMark(
                UUID.fromString(json.getString("clientMarkId")),
                json.getLong("sequence"),
                Instant.parse(json.getString("createdAt")),
                json.getJsonObject("mark"));
    }
}
