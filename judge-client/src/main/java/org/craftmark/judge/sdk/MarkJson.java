package org.craftmark.judge.sdk;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.craftmark.core.common.Problem;
import org.craftmark.judge.outbox.ExactJson;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Marks, acks and errors as the contract writes them, the same on the WebSocket, in
 * {@code marks:batch} and in the outbox files. Values stay exact decimals all the way.
 */
public final class MarkJson {
    private MarkJson() {
    }

    /** {@code {"clientMarkId","eventId","entryId","criterion","value"}}; the value without trailing zeros. */
    public static JsonObject mark(UUID clientMarkId, MarkDraft draft) {
        return new JsonObject()
                .put("clientMarkId", clientMarkId.toString())
                .put("eventId", draft.eventId())
                .put("entryId", draft.entryId())
                .put("criterion", draft.criterion())
                .put("value", plain(draft.value()));
    }

    /** The draft inside a mark written by {@link #mark}. */
    public static MarkDraft draft(JsonObject mark) {
        return new MarkDraft(
                required(mark, "eventId", mark::getLong),
                required(mark, "entryId", mark::getLong),
                required(mark, "criterion", mark::getString),
                required(mark, "value", field -> ExactJson.decimal(mark, field)));
    }

    static UUID clientMarkId(JsonObject mark) {
        return UUID.fromString(required(mark, "clientMarkId", mark::getString));
    }

    /** An ack, from a WebSocket frame or an item of {@code marks:batch}'s {@code acks}. */
    static Ack ack(JsonObject json) {
        JsonObject error = json.getJsonObject("error");
        return new Ack(
                clientMarkId(json),
                AckStatus.valueOf(required(json, "status", json::getString)),
                json.getLong("markId"),
                json.getInteger("version"),
                error == null ? null : error(error));
    }

    static ApiError error(JsonObject json) {
        List<Problem> details = objects(json.getJsonArray("details")).stream()
                .map(detail -> new Problem(text(detail, "field"), text(detail, "problem")))
                .toList();
        return new ApiError(text(json, "code"), text(json, "message"), details);
    }

    static JsonObject errorJson(ApiError error) {
        JsonArray details = new JsonArray();
        error.details().forEach(detail -> details.add(
                new JsonObject().put("field", detail.field()).put("problem", detail.problem())));
        return new JsonObject()
                .put("code", error.code())
                .put("message", error.message())
                .put("details", details);
    }

    /** The objects of an array; none when the array is absent. */
    static List<JsonObject> objects(JsonArray array) {
        if (array == null) {
            return List.of();
        }
        return array.stream()
                .map(item -> item instanceof JsonObject object ? object : fail("expected objects in an array"))
                .toList();
    }

    /** A field as text whatever its JSON type (a bib may come as a number); empty when absent. */
    static String text(JsonObject json, String field) {
        Object value = json.getValue(field);
        return value == null ? "" : value.toString();
    }

    static <T> T required(JsonObject json, String field, Function<String, T> read) {
        T value = read.apply(field);
        if (value == null) {
            throw new DecodeException("missing " + field);
        }
        return value;
    }

    /** 17.50 → 17.5, 2E+1 → 20: the same mark always has the same text, as the server writes it. */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static JsonObject fail(String problem) {
        throw new DecodeException(problem);
    }
}
