package org.craftmark.server.results;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.craftmark.core.contest.EntryStatus;
import org.craftmark.core.contest.Prize;
import org.craftmark.server.http.Json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** The rows of a frozen (published) leaderboard, as {@link #rows} wrote them. */
    public static List<BoardRow> parseRows(String rowsJson) {
        List<BoardRow> rows = new ArrayList<>();
        for (Object item : new JsonArray(rowsJson)) {
            rows.add(parseRow((JsonObject) item));
        }
        return rows;
    }

    private static BoardRow parseRow(JsonObject r) {
        Map<String, BigDecimal> modules = new LinkedHashMap<>();
        r.getJsonObject("modules").forEach(m -> modules.put(m.getKey(), decimalOf(m.getValue())));
        return new BoardRow(r.getInteger("rank"), r.getLong("entryId"), r.getString("bib"), r.getString("name"),
                r.getString("unit"), decimalOf(r.getValue("total")), r.getBoolean("complete"),
                EntryStatus.valueOf(r.getString("status")), modules,
                r.getString("prize") == null ? null : Prize.valueOf(r.getString("prize")),
                // Versions frozen before these fields existed were complete, so marked.
                r.getBoolean("marked", true),
                r.getJsonArray("members", new JsonArray()).stream().map(String::valueOf).toList());
    }

    // Vert.x reads stored JSON numbers as Integer, Long or Double; the text of the number is exact
    // for the ≤ 2-decimal values written here, so going through its string keeps it exact.
    private static BigDecimal decimalOf(Object value) {
        return value == null ? null : new BigDecimal(value.toString());
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
                .put("prize", r.prize() == null ? null : r.prize().name())
                .put("marked", r.marked())
                .put("members", new JsonArray(new java.util.ArrayList<>(r.members())));
    }
}
