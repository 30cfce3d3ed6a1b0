package org.craftmark.server.chief;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.craftmark.core.common.Problem;
import org.craftmark.server.testing.Api;
import org.craftmark.server.testing.MarkingFixture;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What the chief judge's tests do over and over: marks through the batch endpoint, and error checks. */
final class Desk {
    private Desk() {
    }

    static String token(Api api, String username) {
        return api.token(username, MarkingFixture.JUDGE_PASSWORD);
    }

    static JsonObject mark(MarkingFixture season, String bib, String criterion, Object value) {
        return new JsonObject().put("clientMarkId", UUID.randomUUID().toString()).put("eventId", season.eventId)
                .put("entryId", season.entry(bib)).put("criterion", criterion).put("value", value);
    }

    /** Sends the marks as one batch; answers the ack statuses (with the error code when rejected). */
    static List<String> send(Api api, String token, JsonObject... marks) {
        Api.Response response = api.post("/api/v1/marks:batch", new JsonObject().put("marks", new JsonArray(List.of((Object[]) marks))), token);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> statuses = new ArrayList<>();
        for (Object ack : response.json().getJsonArray("acks")) {
            JsonObject a = (JsonObject) ack;
            statuses.add(a.containsKey("error") ? a.getString("status") + " " + a.getJsonObject("error").getString("code") : a.getString("status"));
        }
        return statuses;
    }

    /** Sends and requires every mark ACCEPTED. */
    static void accept(Api api, String token, JsonObject... marks) {
        assertThat(send(api, token, marks)).containsOnly("ACCEPTED");
    }

    /** The contract's error shape with this status and code; answers the details as problems. */
    static List<Problem> error(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        JsonObject error = response.json().getJsonObject("error");
        assertThat(error.getString("code")).as(response.body()).isEqualTo(code);
        assertThat(error.getString("message")).isNotBlank();
        List<Problem> details = new ArrayList<>();
        for (Object d : error.getJsonArray("details")) {
            JsonObject detail = (JsonObject) d;
            details.add(new Problem(detail.getString("field"), detail.getString("problem")));
        }
        return details;
    }

    static JsonObject reason(String reason) {
        return new JsonObject().put("reason", reason);
    }
}
