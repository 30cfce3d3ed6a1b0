package org.craftmark.server.fuzz;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract's error shape: {@code {"error":{"code","message","details":[{"field","problem"}]}}}. */
final class ErrorShape {
    private ErrorShape() {
    }

    static void check(String body, String what) {
        JsonObject json;
        try {
            json = new JsonObject(body);
        } catch (RuntimeException e) {
            throw new AssertionError(what + ": the error is not a JSON object: " + body, e);
        }
        check(json, what);
    }

    static void check(JsonObject json, String what) {
        assertThat(json.getValue("error")).as("%s: error object in %s", what, json).isInstanceOf(JsonObject.class);
        JsonObject error = json.getJsonObject("error");
        assertThat(error.getValue("code")).as("%s: code", what).isInstanceOf(String.class);
        assertThat(error.getValue("message")).as("%s: message", what).isInstanceOf(String.class);
        assertThat(error.getValue("details")).as("%s: details", what).isInstanceOf(JsonArray.class);
        for (Object detail : error.getJsonArray("details")) {
            assertThat(detail).as("%s: a detail", what).isInstanceOf(JsonObject.class);
            assertThat(((JsonObject) detail).getValue("field")).as("%s: detail field", what).isInstanceOf(String.class);
            assertThat(((JsonObject) detail).getValue("problem")).as("%s: detail problem", what).isInstanceOf(String.class);
        }
    }
}
