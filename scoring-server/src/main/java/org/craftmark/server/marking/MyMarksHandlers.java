package org.craftmark.server.marking;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.craftmark.server.auth.AuthService;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.http.Blocking;
import org.craftmark.server.http.Json;
import org.craftmark.server.http.PathParams;
import org.craftmark.server.http.Reply;
import org.craftmark.server.http.Routes;
import org.craftmark.server.store.MarkStore.StoredMark;

/** {@code GET /api/v1/events/{id}/my-marks}: a judge reads back the marks the server holds. */
public final class MyMarksHandlers implements Routes {
    private final AuthService auth;
    private final MyMarks marks;

    public MyMarksHandlers(AuthService auth, MyMarks marks) {
        this.auth = auth;
        this.marks = marks;
    }

    @Override
    public void mount(Router router, Blocking blocking) {
        router.get("/api/v1/events/:id/my-marks").handler(blocking.handler(this::mine));
    }

    private Reply mine(RoutingContext ctx) {
        SignedInUser judge = auth.authenticate(ctx.request().getHeader("Authorization"));
        long eventId = PathParams.id(ctx, "id");
        JsonArray items = new JsonArray();
        marks.of(judge, eventId).forEach(m -> items.add(json(m)));
        return Reply.ok(new JsonObject().put("eventId", eventId).put("items", items));
    }

    /** The tablet merges by clientMarkId: a mark still in its outbox is the same mark, not a new one. */
    private static JsonObject json(StoredMark m) {
        return new JsonObject()
                .put("entryId", m.entryId())
                .put("criterion", m.criterion())
                .put("value", Json.decimal(m.value()))
                .put("version", m.version())
                .put("markId", m.id())
                .put("clientMarkId", m.clientMarkId())
                .put("corrected", m.correctedBy() != null)
                .put("at", m.createdAt().toString());
    }
}
