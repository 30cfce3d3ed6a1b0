package org.craftmark.core.pipeline;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.craftmark.core.common.Problem;
import org.craftmark.core.common.RuleViolation;

/**
 * The regions Craftmark knows, NATION → CITY → DISTRICT. It answers "is this region inside that one",
 * which award policies and HR scopes need and which region codes alone cannot answer.
 */
public final class RegionTree {
    private final Map<RegionCode, Region> regions;

    private RegionTree(Map<RegionCode, Region> regions) {
        this.regions = regions;
    }

    /**
     * A tree of these regions.
     *
     * @throws RuleViolation when a code repeats, a parent is unknown, or a parent's level is not the
     *     one above its child's
     */
    public static RegionTree of(Collection<Region> regions) {
        Map<RegionCode, Region> byCode = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (Region region : regions) {
            if (byCode.putIfAbsent(region.code(), region) != null) {
                problems.add(new Problem("regions", region.code() + " appears twice"));
            }
        }
        byCode.values().forEach(region -> problems.addAll(parentProblems(region, byCode)));
        RuleViolation.throwIfAny(problems);
        return new RegionTree(Map.copyOf(byCode));
    }

    private static List<Problem> parentProblems(Region region, Map<RegionCode, Region> byCode) {
        RegionLevel expected = region.level().parentLevel();
        String field = "regions[" + region.code() + "].parentCode";
        if (expected == null) {
            return region.parent() == null ? List.of() : List.of(new Problem(field, "the nation has no parent"));
        }
        Region parent = region.parent() == null ? null : byCode.get(region.parent());
        if (parent == null) {
            return List.of(new Problem(field, "must be a known " + expected + " region"));
        }
        return parent.level() == expected
                ? List.of()
                : List.of(new Problem(field, "a " + region.level() + "'s parent must be a " + expected));
    }

    public Optional<Region> find(RegionCode code) {
        return Optional.ofNullable(regions.get(code));
    }

    /** True when {@code inner} is {@code outer} or lies inside it; false when either is unknown. */
    public boolean isWithin(RegionCode inner, RegionCode outer) {
        if (!regions.containsKey(outer)) {
            return false;
        }
        Region at = regions.get(inner);
        while (at != null && !at.code().equals(outer)) {
            at = at.parent() == null ? null : regions.get(at.parent());
        }
        return at != null;
    }

    /**
     * The name of the city (province-level unit) a region belongs to — itself for a CITY, its parent
     * for a DISTRICT — as city titles print it (北京市技术能手); the nation's own name above that.
     */
    public String cityName(RegionCode code) {
        Region at = regions.get(code);
        while (at != null && at.level() == RegionLevel.DISTRICT && at.parent() != null) {
            at = regions.get(at.parent());
        }
        if (at == null) {
            throw new IllegalArgumentException("unknown region " + code);
        }
        return at.name();
    }

    /** The region and every region inside it (empty for an unknown region). */
    public Set<RegionCode> subtree(RegionCode root) {
        return regions.keySet().stream().filter(code -> isWithin(code, root)).collect(Collectors.toUnmodifiableSet());
    }
}
