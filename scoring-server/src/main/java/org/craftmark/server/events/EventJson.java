package org.craftmark.server.events;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.craftmark.core.marking.Criterion;
import org.craftmark.core.marking.Method;
import org.craftmark.server.http.Json;
import org.craftmark.server.store.EventStore.StoredEvent;

/** Events and their schemes on the wire. */
public final class EventJson {
    private EventJson() {
    }

    public static JsonObject of(StoredEvent e) {
        JsonArray criteria = new JsonArray();
        e.scheme().criteria().forEach(c -> criteria.add(criterion(c)));
        JsonArray tieBreak = new JsonArray();
        e.scheme().tieBreak().forEach(t -> tieBreak.add(t.text()));
        return publicView(e)
                .put("advanceQuota", e.advanceQuota())
                .put("advanceMinScore", Json.decimal(e.advanceMinScore()))
                .put("scheme", new JsonObject().put("criteria", criteria).put("tieBreak", tieBreak))
                .put("locked", e.locked());
    }

    /** What the public may see of an event: what it is and where it stands. */
    public static JsonObject publicView(StoredEvent e) {
        return new JsonObject()
                .put("id", e.id())
                .put("contestId", e.contestId())
                .put("occupationCode", e.occupationCode())
                .put("occupationName", e.occupationName())
                .put("group", e.group().name())
                .put("mode", e.mode().name())
                .put("teamSize", e.teamSize());
    }

    public static JsonObject criterion(Criterion c) {
        JsonObject json = new JsonObject()
                .put("code", c.code())
                .put("module", c.module())
                .put("name", c.name())
                .put("kind", c.kind().name())
                .put("maxMark", Json.decimal(c.maxMark()))
                .put("method", c.method().name())
                .put("judges", c.judges());
        if (c.method() == Method.TRIMMED_MEAN) {
            json.put("trim", c.trim());
        }
        return json;
    }
}
