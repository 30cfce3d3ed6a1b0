package org.craftmark.server.advancement;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.craftmark.server.advancement.AdvancementService.Report;
import org.craftmark.server.auth.AuthService;
import org.craftmark.server.http.Blocking;
import org.craftmark.server.http.PathParams;
import org.craftmark.server.http.Reply;
import org.craftmark.server.http.Routes;

/**
 * {@code POST /api/v1/contests/{id}/advance} and {@code GET /api/v1/contests/{id}/advancement}: what
 * advancing does (or did), for the organizer's report and confirmation.
 */
public final class AdvancementHandlers implements Routes {
    private final AuthService auth;
    private final AdvancementService advancement;

    public AdvancementHandlers(AuthService auth, AdvancementService advancement) {
        this.auth = auth;
        this.advancement = advancement;
    }

    @Override
    public void mount(Router router, Blocking blocking) {
        router.post("/api/v1/contests/:id/advance").handler(blocking.handler(this::advance));
        router.get("/api/v1/contests/:id/advancement").handler(blocking.handler(this::preview));
    }

    private Reply advance(RoutingContext ctx) {
        var actor = auth.authenticate(ctx.request().getHeader("Authorization"));
        return Reply.ok(json(advancement.advance(actor, PathParams.id(ctx, "id"))));
    }

    private Reply preview(RoutingContext ctx) {
        var actor = auth.authenticate(ctx.request().getHeader("Authorization"));
        return Reply.ok(json(advancement.preview(actor, PathParams.id(ctx, "id"))));
    }

    static JsonObject json(Report report) {
        JsonArray advanced = new JsonArray();
        report.advanced().forEach(a -> advanced.add(new JsonObject()
                .put("entryId", a.entryId())
                .put("bib", a.bib())
                .put("name", a.name())
                .put("rank", a.rank())
                .put("fromEventId", a.sourceEventId())
                .put("toEventId", a.toEventId())
                .put("toEntryId", a.toEntryId() == 0 ? null : a.toEntryId())
                .put("toBib", a.toBib())));
        JsonArray skipped = new JsonArray();
        report.skipped().forEach(s -> skipped.add(new JsonObject()
                .put("sourceEventId", s.skipped().sourceEventId())
                .put("sourceEntryId", s.skipped().sourceEntryId())
                .put("bib", s.bib())
                .put("reason", s.skipped().reason().name())));
        return new JsonObject()
                .put("contestId", report.source().id())
                .put("toContestId", report.target().id())
                .put("toContest", report.target().name())
                .put("toContestStatus", report.target().status().name())
                .put("advancedAt", report.source().advancedAt() == null ? null : report.source().advancedAt().toString())
                .put("preview", report.preview())
                .put("advanced", advanced)
                .put("skipped", skipped);
    }
}
