package org.craftmark.server.persons;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.craftmark.server.auth.AuthService;
import org.craftmark.server.http.Blocking;
import org.craftmark.server.http.Json;
import org.craftmark.server.http.Reply;
import org.craftmark.server.http.Routes;
import org.craftmark.server.persons.PersonHistoryService.History;
import org.craftmark.server.persons.PersonHistoryService.Item;

/** {@code GET /api/v1/persons/{idNumber}/history}. */
public final class PersonHandlers implements Routes {
    private final AuthService auth;
    private final PersonHistoryService history;

    public PersonHandlers(AuthService auth, PersonHistoryService history) {
        this.auth = auth;
        this.history = history;
    }

    @Override
    public void mount(Router router, Blocking blocking) {
        router.get("/api/v1/persons/:idNumber/history").handler(blocking.handler(this::history));
    }

    private Reply history(RoutingContext ctx) {
        var actor = auth.authenticate(ctx.request().getHeader("Authorization"));
        return Reply.ok(json(history.history(actor, ctx.pathParam("idNumber"))));
    }

    static JsonObject json(History h) {
        JsonArray items = new JsonArray();
        h.items().forEach(i -> items.add(item(i)));
        return new JsonObject().put("idNumber", h.person().idNumber()).put("name", h.person().name()).put("items", items);
    }

    private static JsonObject item(Item i) {
        var result = i.result();
        return new JsonObject()
                .put("contestId", i.contest().id())
                .put("contest", i.contest().name())
                .put("tier", i.contest().tier().name())
                .put("year", i.contest().year())
                .put("contestStatus", i.contest().status().name())
                .put("eventId", i.event().id())
                .put("occupationCode", i.event().occupationCode())
                .put("occupationName", i.event().occupationName())
                .put("entryId", i.entry().id())
                .put("bib", i.entry().bib())
                .put("status", i.entry().status().name())
                .put("homeRegionCode", i.entry().homeRegion().value())
                .put("rank", result == null ? null : result.rank())
                .put("prize", result == null || result.prize() == null ? null : result.prize().name())
                .put("total", result == null ? null : Json.decimal(result.total()))
                .put("source", i.entry().sourceEntryId() == null ? null
                        : new JsonObject().put("entryId", i.entry().sourceEntryId()).put("rank", i.entry().sourceRank()))
                .put("entitlement", entitlement(i));
    }

    /** What the FINAL contest granted this person for this entry, with the certificate; null before FINAL. */
    private static JsonObject entitlement(Item i) {
        if (i.entitlement() == null) {
            return null;
        }
        var e = i.entitlement().entitlement();
        JsonArray awards = new JsonArray();
        e.awards().forEach(a -> awards.add(new JsonObject().put("payerRegionCode", a.payerRegionCode().value())
                .put("individual", a.individual()).put("unit", a.unit())));
        return new JsonObject()
                .put("prize", e.prize() == null ? null : e.prize().name())
                .put("levelAwarded", e.levelAwarded() == null ? null : e.levelAwarded().name())
                .put("levelReason", e.levelReason())
                .put("title", e.title())
                .put("individualAward", e.individualAward())
                .put("unitAward", e.unitAward())
                .put("unit", e.unit())
                .put("awards", awards)
                .put("certificateNo", i.certificate() == null ? null : i.certificate().number())
                .put("certificateStatus", i.certificate() == null ? null : i.certificate().status().name());
    }
}
