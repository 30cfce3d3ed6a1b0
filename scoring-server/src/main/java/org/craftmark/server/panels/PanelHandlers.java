package org.craftmark.server.panels;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.craftmark.server.auth.AuthService;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.http.Blocking;
import org.craftmark.server.http.Json;
import org.craftmark.server.http.JsonInput;
import org.craftmark.server.http.PathParams;
import org.craftmark.server.http.Reply;
import org.craftmark.server.http.QueryParams;
import org.craftmark.server.http.Routes;
import org.craftmark.server.store.EntryStore.StoredEntry;
import org.craftmark.server.store.PanelStore.PanelSeat;

/** {@code /api/v1/events/{id}/panel}. */
public final class PanelHandlers implements Routes {
    /** A panel seat is JUDGE or CHIEF (裁判长, who alone locks, unlocks and corrects). */
    public enum PanelRole { JUDGE, CHIEF }

    private final AuthService auth;
    private final PanelService panels;

    public PanelHandlers(AuthService auth, PanelService panels) {
        this.auth = auth;
        this.panels = panels;
    }

    @Override
    public void mount(Router router, Blocking blocking) {
        router.post("/api/v1/events/:id/panel").handler(blocking.handler(this::seat));
        router.get("/api/v1/events/:id/panel").handler(blocking.handler(this::list));
        router.delete("/api/v1/events/:id/panel/:userId").handler(blocking.handler(this::unseat));
        router.get("/api/v1/events/:id/conflicts").handler(blocking.handler(this::conflicts));
    }

    private Reply seat(RoutingContext ctx) {
        SignedInUser actor = auth.authenticate(ctx.request().getHeader("Authorization"));
        long eventId = PathParams.id(ctx, "id");
        JsonInput input = JsonInput.of(Json.parseObject(ctx.body().buffer()));
        Long userId = input.requiredLong("userId", 1, Long.MAX_VALUE);
        PanelRole role = input.requiredEnum("role", PanelRole.class);
        // Omitted: all criteria; []: none (a chief who only supervises).
        var criteria = input.isAbsent("criteria") ? null : input.strings("criteria", 200, 20);
        input.check();
        return Reply.created(json(panels.seat(actor, new PanelSeat(eventId, userId, role.name(), criteria))));
    }

    private Reply list(RoutingContext ctx) {
        SignedInUser actor = auth.authenticate(ctx.request().getHeader("Authorization"));
        JsonArray items = new JsonArray();
        panels.panel(actor, PathParams.id(ctx, "id")).forEach(m -> items.add(json(m)));
        return Reply.ok(new JsonObject().put("items", items));
    }

    private Reply unseat(RoutingContext ctx) {
        SignedInUser actor = auth.authenticate(ctx.request().getHeader("Authorization"));
        panels.unseat(actor, PathParams.id(ctx, "id"), PathParams.id(ctx, "userId"));
        return Reply.noContent();
    }

    /** {@code ?userId=7}: the entries that judge would not see, asked before seating them. */
    private Reply conflicts(RoutingContext ctx) {
        SignedInUser actor = auth.authenticate(ctx.request().getHeader("Authorization"));
        long eventId = PathParams.id(ctx, "id");
        long userId = QueryParams.requiredId(ctx, "userId");
        return Reply.ok(new JsonObject().put("eventId", eventId).put("userId", userId)
                .put("entries", conflictsJson(panels.conflictsOf(actor, eventId, userId))));
    }

    private static JsonArray conflictsJson(java.util.List<StoredEntry> entries) {
        JsonArray items = new JsonArray();
        entries.forEach(e -> items.add(new JsonObject().put("entryId", e.id()).put("bib", e.bib())
                .put("name", e.teamName() != null ? e.teamName() : e.members().isEmpty() ? null : e.members().getFirst().name())));
        return items;
    }

    static JsonObject json(PanelService.PanelMember member) {
        return new JsonObject()
                .put("eventId", member.seat().eventId())
                .put("userId", member.judge().id())
                .put("username", member.judge().username())
                .put("displayName", member.judge().displayName())
                .put("affiliation", member.judge().affiliation())
                .put("role", member.seat().panelRole())
                .put("criteria", member.seat().marksAll() ? null : new JsonArray(member.seat().criteria()))
                .put("conflicts", conflictsJson(member.conflicts()));
    }
}
