package org.craftmark.server.entitlements;

import io.vertx.core.json.JsonObject;
import org.craftmark.core.awards.AwardAmounts;
import org.craftmark.core.awards.AwardPolicy;
import org.craftmark.core.contest.Tier;
import org.craftmark.core.pipeline.RegionCode;
import org.craftmark.core.pipeline.RegionTree;
import org.craftmark.server.audit.AuditLog;
import org.craftmark.server.auth.Access;
import org.craftmark.server.auth.Role;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.http.ApiException;
import org.craftmark.server.store.ContestStore.StoredContest;
import org.craftmark.server.store.Database;
import org.craftmark.server.store.EntitlementStore.Listed;
import org.craftmark.server.store.Stores;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Reading what a FINAL contest granted, and the award policies of paying regions. A contest's
 * organizers and ADMIN see every row; HR sees the rows of its region (by contest or home region).
 */
public final class EntitlementQueries {
    private final Database db;
    private final AuditLog audit;
    private final Clock clock;

    public EntitlementQueries(Database db, AuditLog audit, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Listed> ofContest(SignedInUser actor, long contestId) {
        Stores stores = db.stores();
        StoredContest contest = stores.contests().find(contestId).orElseThrow(() -> ApiException.notFound("Contest " + contestId));
        RegionTree regions = stores.regions().tree();
        if (!Access.isOrganizerOf(actor, contest.region(), regions) && !actor.is(Role.HR)) {
            throw ApiException.forbidden("Only the contest's organizers, HR and ADMIN read its entitlements.");
        }
        return stores.entitlements().listed(contestId).stream()
                .filter(l -> Access.readsWinner(actor, contest.region(), l.row().entitlement().homeRegion(), regions))
                .toList();
    }

    /** Any signed-in user may read a region's policy: award amounts are public policy. */
    public AwardPolicy policy(String regionCode) {
        Stores stores = db.stores();
        RegionCode code = known(stores, regionCode);
        return stores.awardPolicies().ofRegion(code);
    }

    /** ADMIN, or an ORGANIZER of that region, sets it; the tiers given replace the region's policy. */
    public AwardPolicy setPolicy(SignedInUser actor, String regionCode, Map<Tier, AwardAmounts> tiers) {
        return db.transaction(tx -> {
            RegionCode code = known(tx, regionCode);
            Access.requireOrganizerOf(actor, code, tx.regions().tree());
            tx.awardPolicies().replace(code, tiers, clock.instant());
            JsonObject data = new JsonObject();
            tiers.forEach((tier, a) -> data.put(tier.name(), new JsonObject().put("GOLD", a.gold()).put("SILVER", a.silver())
                    .put("BRONZE", a.bronze()).put("unit", a.unit())));
            audit.record(tx, actor, "awardPolicy.set", "region:" + code.value(), null, data);
            return tx.awardPolicies().ofRegion(code);
        });
    }

    private static RegionCode known(Stores stores, String regionCode) {
        return stores.regions().find(regionCode).map(r -> new RegionCode(r.code()))
                .orElseThrow(() -> ApiException.notFound("Region " + regionCode));
    }
}
