package org.craftmark.server.audit;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.craftmark.core.common.Problem;
import org.craftmark.server.audit.AuditLog.Entry;
import org.craftmark.server.auth.AuthService;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.http.ApiException;
import org.craftmark.server.http.Blocking;
import org.craftmark.server.http.Json;
import org.craftmark.server.http.Reply;
import org.craftmark.server.http.Routes;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /api/v1/audit?contestId=&afterSeq=&limit=} and {@code GET /api/v1/audit/verify} (ADMIN).
 * A list answers {@code nextAfterSeq} when there may be more: pass it as {@code afterSeq} for the next page.
 */
public final class AuditHandlers implements Routes {
    private final AuthService auth;
    private final AuditService audit;

    public AuditHandlers(AuthService auth, AuditService audit) {
        this.auth = auth;
        this.audit = audit;
    }

    @Override
    public void mount(Router router, Blocking blocking) {
        router.get("/api/v1/audit").handler(blocking.handler(this::list));
        router.get("/api/v1/audit/verify").handler(blocking.handler(this::verify));
    }

    private Reply list(RoutingContext ctx) {
        SignedInUser actor = auth.authenticate(ctx.request().getHeader("Authorization"));
        AuditService.Query query = query(ctx);
        List<Entry> entries = audit.list(actor, query);
        JsonObject body = new JsonObject().put("items", new JsonArray(entries.stream().map(AuditHandlers::entryJson).toList()));
        if (entries.size() == query.limit()) {
            body.put("nextAfterSeq", entries.getLast().seq());
        }
        return Reply.ok(body);
    }

    private Reply verify(RoutingContext ctx) {
        SignedInUser actor = auth.authenticate(ctx.request().getHeader("Authorization"));
        AuditService.Verification result = audit.verify(actor);
        JsonObject body = new JsonObject().put("ok", result.ok()).put("entries", result.entries());
        if (result.firstBroken() != null) {
            body.put("firstBroken", new JsonObject()
                    .put("seq", result.firstBroken().seq())
                    .put("reason", result.firstBroken().reason().text()));
        }
        return Reply.ok(body);
    }

    private static AuditService.Query query(RoutingContext ctx) {
        List<Problem> problems = new ArrayList<>();
        Long contestId = longParam(ctx, "contestId", 1, Long.MAX_VALUE, problems);
        Long afterSeq = longParam(ctx, "afterSeq", 0, Long.MAX_VALUE, problems);
        Long limit = longParam(ctx, "limit", 1, AuditService.MAX_LIMIT, problems);
        if (!problems.isEmpty()) {
            throw ApiException.validationFailed(problems);
        }
        return new AuditService.Query(contestId, afterSeq == null ? 0 : afterSeq,
                limit == null ? AuditService.MAX_LIMIT : limit.intValue());
    }

    /** An optional whole-number query parameter; anything else is reported in {@code problems}. */
    private static Long longParam(RoutingContext ctx, String name, long min, long max, List<Problem> problems) {
        String raw = ctx.request().getParam(name);
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        try {
            long value = Long.parseLong(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Not a number: reported like one out of range.
        }
        problems.add(new Problem(name, max == Long.MAX_VALUE
                ? "must be a whole number of at least " + min
                : "must be a whole number from " + min + " to " + max));
        return null;
    }

    private static JsonObject entryJson(Entry entry) {
        return new JsonObject()
                .put("seq", entry.seq())
                .put("at", entry.at().toString())
                .put("actor", entry.actor())
                .put("action", entry.action())
                .put("subject", entry.subject())
                .put("contestId", entry.contestId())
                .put("data", dataJson(entry.data()))
                .put("prevHash", entry.prevHash())
                .put("hash", entry.hash());
    }

    /**
     * The stored JSON text as an object, decimals kept exact. Text edited behind the server's back
     * into something else is shown as it is rather than failing the whole list.
     */
    private static JsonObject dataJson(String data) {
        try {
            return Json.parseObject(data);
        } catch (ApiException notAnObject) {
            return new JsonObject().put("unreadable", data);
        }
    }
}
