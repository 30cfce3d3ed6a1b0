package org.craftmark.server.results;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.craftmark.core.common.Problem;
import org.craftmark.server.http.ApiException;
import org.craftmark.server.http.Blocking;
import org.craftmark.server.http.Json;
import org.craftmark.server.http.PathParams;
import org.craftmark.server.http.Reply;
import org.craftmark.server.http.Routes;
import org.craftmark.server.results.PublicResultsService.PublicEvent;
import org.craftmark.server.results.PublicResultsService.PublicResults;
import org.craftmark.server.results.PublicResultsService.PublicRow;

import java.util.List;

/** {@code GET /api/v1/contests/{id}/results[?version=N]}: the public 公示 of a contest. */
public final class PublicResultsHandlers implements Routes {
    private final PublicResultsService results;

    public PublicResultsHandlers(PublicResultsService results) {
        this.results = results;
    }

    @Override
    public void mount(Router router, Blocking blocking) {
        router.get("/api/v1/contests/:id/results").handler(blocking.handler(this::results));
    }

    private Reply results(RoutingContext ctx) {
        long contestId = PathParams.id(ctx, "id");
        return Reply.ok(json(results.of(contestId, version(ctx.queryParams().get("version")))));
    }

    private static Integer version(String text) {
        if (text == null) {
            return null;
        }
        if (!text.matches("\\d{1,9}")) {
            throw ApiException.validationFailed(List.of(new Problem("version", "must be a positive integer")));
        }
        return Integer.valueOf(text);
    }

    static JsonObject json(PublicResults r) {
        JsonArray events = new JsonArray();
        r.events().forEach(e -> events.add(event(e)));
        return new JsonObject()
                .put("contestId", r.contest().id())
                .put("contest", r.contest().name())
                .put("tier", r.contest().tier().name())
                .put("year", r.contest().year())
                .put("status", r.contest().status().name())
                .put("version", r.version())
                .put("latestVersion", r.contest().resultsVersion())
                .put("publishedAt", r.contest().publishedAt().toString())
                .put("noticeEndsAt", r.contest().noticeEndsAt().toString())
                .put("noticeRunning", r.noticeRunning())
                .put("events", events);
    }

    private static JsonObject event(PublicEvent e) {
        JsonArray rows = new JsonArray();
        e.rows().forEach(row -> rows.add(row(row)));
        return new JsonObject()
                .put("eventId", e.event().id())
                .put("occupationCode", e.event().occupationCode())
                .put("occupationName", e.event().occupationName())
                .put("group", e.event().group().name())
                .put("mode", e.event().mode().name())
                .put("publishedAt", e.publishedAt().toString())
                .put("rows", rows);
    }

    private static JsonObject row(PublicRow r) {
        return new JsonObject()
                .put("rank", r.rank())
                .put("bib", r.bib())
                .put("name", r.name())
                .put("members", new JsonArray(r.members()))
                .put("unit", r.unit())
                .put("total", Json.decimal(r.row().total()))
                .put("prize", r.row().prize() == null ? null : r.row().prize().name())
                .put("status", r.row().status().name());
    }
}
