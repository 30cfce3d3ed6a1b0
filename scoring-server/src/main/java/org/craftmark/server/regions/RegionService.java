package org.craftmark.server.regions;

import org.craftmark.core.common.Problem;
import org.craftmark.core.pipeline.RegionCode;
import org.craftmark.core.pipeline.RegionLevel;
import org.craftmark.core.pipeline.RegionTree;
import org.craftmark.core.common.RuleViolation;
import org.craftmark.server.audit.AuditLog;
import org.craftmark.server.auth.Access;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.http.ApiException;
import org.craftmark.server.store.Database;
import org.craftmark.server.store.RegionStore;
import org.craftmark.server.store.RegionStore.StoredRegion;

import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The region tree: NATION (000000) → CITY (province-level) → DISTRICT. ADMIN adds regions. */
public final class RegionService {
    private final Database db;
    private final AuditLog audit;
    private final Clock clock;

    public RegionService(Database db, AuditLog audit, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
    }

    public List<StoredRegion> all() {
        return db.stores().regions().all();
    }

    public StoredRegion create(SignedInUser actor, StoredRegion region) {
        Access.requireAdmin(actor);
        RuleViolation.throwIfAny(RegionCode.problems("code", region.code()));
        return db.transaction(tx -> {
            if (tx.regions().find(region.code()).isPresent()) {
                throw ApiException.conflict("DUPLICATE", "Region " + region.code() + " exists already.",
                        List.of(new Problem("code", "is taken")));
            }
            List<StoredRegion> all = new ArrayList<>(tx.regions().all());
            all.add(region);
            checkTree(all);
            tx.regions().insert(region, clock.instant());
            audit.record(tx, actor, "region.create", "region:" + region.code(), null, new JsonObject()
                    .put("name", region.name()).put("level", region.level()).put("parentCode", region.parentCode()));
            return region;
        });
    }

    /** The new region must fit the tree: the nation is 000000 alone at the top; levels step down by one. */
    private static void checkTree(List<StoredRegion> regions) {
        StoredRegion added = regions.getLast();
        if (RegionLevel.valueOf(added.level()) == RegionLevel.NATION && !RegionCode.NATION.value().equals(added.code())) {
            throw new RuleViolation("code", "the nation is 000000");
        }
        try {
            RegionTree.of(regions.stream().map(RegionStore::toRegion).toList());
        } catch (RuleViolation e) {
            throw new RuleViolation("parentCode", e.problems().getFirst().problem());
        }
    }
}
