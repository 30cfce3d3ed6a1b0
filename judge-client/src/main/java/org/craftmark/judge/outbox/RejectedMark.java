package org.craftmark.judge.outbox;

import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.Objects;

/**
 * A mark the server refused, kept in the outbox's {@code rejected/} folder so the judge can see why
 * and enter it again.
 *
 * @param mark       the mark as it was pending
 * @param rejectedAt when the refusal arrived
 * @param error      the contract's error object: {@code code}, {@code message}, {@code details}
 */
public record RejectedMark(PendingMark mark, Instant rejectedAt, JsonObject error) {
    public RejectedMark {
        Objects.requireNonNull(mark, "mark");
        Objects.requireNonNull(rejectedAt, "rejectedAt");
        error = error == null ? new JsonObject() : error.copy();
    }

    @Override
    public JsonObject error() {
        return error.copy();
    }

    /** The error's code, e.g. {@code EVENT_LOCKED}; empty when the server sent none. */
    public String code() {
        return error.getString("code", "");
    }

    /** The error's human-readable message; empty when the server sent none. */
    public String message() {
        return error.getString("message", "");
    }

    JsonObject toJson() {
        return mark.toJson()
                .put("rejectedAt", rejectedAt.toString())
                .put("error", error.copy());
    }

    static RejectedMark fromJson(JsonObject json) {
        return new RejectedMark(
                PendingMark.fromJson(json),
                Instant.parse(json.getString("rejectedAt")),
                json.getJsonObject("error"));
    }
}
