package org.craftmark.server.store;

import org.craftmark.core.pipeline.Region;
import org.craftmark.core.pipeline.RegionCode;
import org.craftmark.core.pipeline.RegionLevel;
import org.craftmark.core.pipeline.RegionTree;
import org.jooq.DSLContext;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.craftmark.server.store.schema.Tables.REGIONS;

/** The administrative regions (GB/T 2260) contests and users are scoped to. */
public final class RegionStore {

    /** A stored region; {@code parentCode} is null for the nation. */
    public record StoredRegion(String code, String name, String level, String parentCode) {
    }

    private final DSLContext dsl;

    public RegionStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<StoredRegion> find(String code) {
        return dsl.selectFrom(REGIONS)
                .where(REGIONS.CODE.eq(code))
                .fetchOptional(r -> new StoredRegion(r.getCode(), r.getName(), r.getLevel(), r.getParentCode()));
    }

    public List<StoredRegion> all() {
        return dsl.selectFrom(REGIONS)
                .orderBy(REGIONS.CODE)
                .fetch(r -> new StoredRegion(r.getCode(), r.getName(), r.getLevel(), r.getParentCode()));
    }

    public void insert(StoredRegion region, Instant now) {
        dsl.insertInto(REGIONS)
                .set(REGIONS.CODE, region.code())
                .set(REGIONS.NAME, region.name())
                .set(REGIONS.LEVEL, region.level())
                .set(REGIONS.PARENT_CODE, region.parentCode())
                .set(REGIONS.CREATED_AT, now.toEpochMilli())
                .execute();
    }

    /** Every region as the rulebook's tree (a few hundred rows at most: read whole). */
    public RegionTree tree() {
        return RegionTree.of(all().stream().map(RegionStore::toRegion).toList());
    }

    /** The rulebook's view of a stored region. */
    public static Region toRegion(StoredRegion r) {
        return new Region(new RegionCode(r.code()), r.name(), RegionLevel.valueOf(r.level()),
                r.parentCode() == null ? null : new RegionCode(r.parentCode()));
    }

    /** True when {@code code} is {@code ancestor} or lies inside it (the tree is at most three deep). */
    public boolean isWithin(String code, String ancestor) {
        String current = code;
        while (current != null) {
            if (current.equals(ancestor)) {
                return true;
            }
            current = find(current).map(StoredRegion::parentCode).orElse(null);
        }
        return false;
    }
}
