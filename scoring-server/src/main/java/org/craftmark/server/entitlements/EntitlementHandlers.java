package org.craftmark.server.entitlements;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.craftmark.core.awards.AwardAmounts;
import org.craftmark.core.awards.AwardPolicy;
import org.craftmark.core.contest.Tier;
import org.craftmark.server.auth.AuthService;
import org.craftmark.server.http.Blocking;
import org.craftmark.server.http.Json;
import org.craftmark.server.http.JsonInput;
import org.craftmark.server.http.PathParams;
import org.craftmark.server.http.Reply;
import org.craftmark.server.http.Routes;
import org.craftmark.server.store.EntitlementStore.Entitlement;
import org.craftmark.server.store.EntitlementStore.Listed;

import java.util.EnumMap;

import java.util.Map;

/** {@code GET /api/v1/contests/{id}/entitlements} and {@code GET|PUT /api/v1/regions/{code}/award-policy}. */
public final class EntitlementHandlers implements Routes {
    /** The most a policy may pay for one prize, in yuan: far above any real award, far below overflow. */
    static final long MAX_AMOUNT = 100_000_000L;

    private final AuthService auth;
    private final EntitlementQueries entitlements;

    public EntitlementHandlers(AuthService auth, EntitlementQueries entitlements) {
        this.auth = auth;
        this.entitlements = entitlements;
    }

    @Override
    public void mount(Router router, Blocking blocking) {
        router.get("/api/v1/contests/:id/entitlements").handler(blocking.handler(this::ofContest));
        router.get("/api/v1/regions/:code/award-policy").handler(blocking.handler(this::policy));
        router.put("/api/v1/regions/:code/award-policy").handler(blocking.handler(this::setPolicy));
    }

    private Reply ofContest(RoutingContext ctx) {
        var actor = auth.authenticate(ctx.request().getHeader("Authorization"));
        JsonArray items = new JsonArray();
        entitlements.ofContest(actor, PathParams.id(ctx, "id")).forEach(l -> items.add(row(l)));
        return Reply.ok(new JsonObject().put("items", items));
    }

    private Reply policy(RoutingContext ctx) {
        auth.authenticate(ctx.request().getHeader("Authorization"));
        return Reply.ok(policyJson(entitlements.policy(ctx.pathParam("code"))));
    }

    /** {@code {"tiers":{"CITY":{"GOLD":100000,"SILVER":50000,"BRONZE":30000,"unit":50000},…}}}: whole yuan ≥ 0, known tiers. */
    private Reply setPolicy(RoutingContext ctx) {
        var actor = auth.authenticate(ctx.request().getHeader("Authorization"));
        JsonInput input = JsonInput.of(Json.parseObject(ctx.body().buffer()));
        JsonInput tiers = input.object("tiers");
        Map<Tier, AwardAmounts> amounts = new EnumMap<>(Tier.class);
        for (String name : tiers.fieldNames()) {
            Tier tier = tiers.enumKey(name, Tier.class);
            JsonInput a = tiers.object(name);
            Long gold = a.requiredLong("GOLD", 0, MAX_AMOUNT);
            Long silver = a.requiredLong("SILVER", 0, MAX_AMOUNT);
            Long bronze = a.requiredLong("BRONZE", 0, MAX_AMOUNT);
            Long unit = a.requiredLong("unit", 0, MAX_AMOUNT);
            a.onlyFields("GOLD", "SILVER", "BRONZE", "unit");
            if (tier != null && gold != null && silver != null && bronze != null && unit != null) {
                amounts.put(tier, new AwardAmounts(gold, silver, bronze, unit));
            }
        }
        input.check();
        return Reply.ok(policyJson(entitlements.setPolicy(actor, ctx.pathParam("code"), amounts)));
    }

    static JsonObject policyJson(AwardPolicy policy) {
        JsonObject tiers = new JsonObject();
        policy.tiers().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> tiers.put(e.getKey().name(), new JsonObject()
                .put("GOLD", e.getValue().gold()).put("SILVER", e.getValue().silver()).put("BRONZE", e.getValue().bronze())
                .put("unit", e.getValue().unit())));
        return new JsonObject().put("regionCode", policy.payer().value()).put("tiers", tiers);
    }

    private static JsonObject row(Listed l) {
        Entitlement e = l.row().entitlement();
        JsonArray awards = new JsonArray();
        e.awards().forEach(a -> awards.add(new JsonObject().put("payerRegionCode", a.payerRegionCode().value())
                .put("individual", a.individual()).put("unit", a.unit())));
        return new JsonObject()
                .put("entryId", e.entryId())
                .put("eventId", e.eventId())
                .put("bib", l.bib())
                .put("idNumber", l.idNumber())
                .put("name", l.name())
                .put("homeRegionCode", e.homeRegion().value())
                .put("rank", e.rank())
                .put("total", Json.decimal(e.total()))
                .put("prize", e.prize() == null ? null : e.prize().name())
                .put("levelAwarded", e.levelAwarded() == null ? null : e.levelAwarded().name())
                .put("levelReason", e.levelReason())
                .put("certificateNo", l.certificateNo())
                .put("certificateStatus", l.certificateStatus())
                .put("title", e.title())
                .put("individualAward", e.individualAward())
                .put("unitAward", e.unitAward())
                .put("unit", e.unit())
                .put("awards", awards);
    }

}
