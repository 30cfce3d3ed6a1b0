package org.craftmark.core.pipeline;

import java.util.Objects;

/** One region of the tree: a code, its name (e.g. 北京市), its level and its parent (null for the nation). */
public record Region(RegionCode code, String name, RegionLevel level, RegionCode parent) {
    public Region {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(level, "level");
    }

    public static Region nation(String name) {
        return new Region(RegionCode.NATION, name, RegionLevel.NATION, null);
    }
}
