package org.craftmark.server.results;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.craftmark.server.http.Json;

import java.util.List;

/** Leaderboards on the wire: the REST answer and the live frames carry the same rows. */
public final class ResultsJson {
    private ResultsJson() {
    }

    public static JsonObject leaderboard(long eventId, long seq, boolean published, List<BoardRow> rows) {
        return new JsonObject()
                .put("eventId", eventId)
                .put("seq", seq)
                .put("published", published)
                .put("rows", rows(rows));
    }

    public static JsonArray rows(List<BoardRow> rows) {
        JsonArray array = new JsonArray();
        rows.forEach(r -> array.add(row(r)));
        return array;
    }

    static JsonObject row(BoardRow r) {
        JsonObject modules = new JsonObject();
        r.modules().forEach((module, sum) -> modules.put(module, Json.decimal(sum)));
        return new JsonObject()
                .put("rank", r.rank())
                .put("entryId", r.entryId())
                .put("bib", r.bib())
                .put("name", r.name())
                .put("unit", r.unit())
                .put("total", Json.decimal(r.total()))
                .put("complete", r.complete())
                .put("status", r.status().name())
                .put("modules", modules)
                .put("prize", r.prize() == null ? null : r.prize().name());
    }
}
