package org.craftmark.server.store;

import org.craftmark.core.awards.AwardAmounts;
import org.craftmark.core.awards.AwardPolicy;
import org.craftmark.core.contest.Tier;
import org.craftmark.core.pipeline.RegionCode;
import org.craftmark.server.store.schema.tables.records.AwardPoliciesRecord;
import org.jooq.DSLContext;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.craftmark.server.store.schema.Tables.AWARD_POLICIES;

/** Paying regions' cash-award policies: per tier of the result, the amounts in whole yuan. */
public final class AwardPolicyStore {
    private final DSLContext dsl;

    public AwardPolicyStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Replaces the region's policy with these tiers (none: the region pays nothing). */
    public void replace(RegionCode region, Map<Tier, AwardAmounts> tiers, Instant now) {
        dsl.deleteFrom(AWARD_POLICIES).where(AWARD_POLICIES.REGION_CODE.eq(region.value())).execute();
        tiers.forEach((tier, amounts) -> dsl.insertInto(AWARD_POLICIES)
                .set(AWARD_POLICIES.REGION_CODE, region.value())
                .set(AWARD_POLICIES.TIER, tier.name())
                .set(AWARD_POLICIES.GOLD, amounts.gold())
                .set(AWARD_POLICIES.SILVER, amounts.silver())
                .set(AWARD_POLICIES.BRONZE, amounts.bronze())
                .set(AWARD_POLICIES.UNIT_AMOUNT, amounts.unit())
                .set(AWARD_POLICIES.UPDATED_AT, now.toEpochMilli())
                .execute());
    }

    public AwardPolicy ofRegion(RegionCode region) {
        Map<Tier, AwardAmounts> tiers = new EnumMap<>(Tier.class);
        dsl.selectFrom(AWARD_POLICIES).where(AWARD_POLICIES.REGION_CODE.eq(region.value()))
                .forEach(r -> tiers.put(Tier.valueOf(r.getTier()), amounts(r)));
        return new AwardPolicy(region, tiers);
    }

    /** Every region's policy that pays anything. */
    public List<AwardPolicy> all() {
        Map<String, Map<Tier, AwardAmounts>> byRegion = new LinkedHashMap<>();
        dsl.selectFrom(AWARD_POLICIES).orderBy(AWARD_POLICIES.REGION_CODE, AWARD_POLICIES.TIER)
                .forEach(r -> byRegion.computeIfAbsent(r.getRegionCode(), k -> new EnumMap<>(Tier.class))
                        .put(Tier.valueOf(r.getTier()), amounts(r)));
        return byRegion.entrySet().stream().map(e -> new AwardPolicy(new RegionCode(e.getKey()), e.getValue())).toList();
    }

    private static AwardAmounts amounts(AwardPoliciesRecord r) {
        return new AwardAmounts(r.getGold(), r.getSilver(), r.getBronze(), r.getUnitAmount());
    }
}
