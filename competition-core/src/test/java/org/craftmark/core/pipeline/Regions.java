package org.craftmark.core.pipeline;

import java.util.List;

/** Test data: a small region tree — the nation, Beijing with two districts, Tianjin with one. */
public final class Regions {
    public static final RegionCode BEIJING = new RegionCode("110000");
    public static final RegionCode CHAOYANG = new RegionCode("110105");
    public static final RegionCode TONGZHOU = new RegionCode("110112");
    public static final RegionCode TIANJIN = new RegionCode("120000");
    public static final RegionCode HEPING = new RegionCode("120101");

    public static final RegionTree TREE = RegionTree.of(List.of(
            Region.nation("中华人民共和国"),
            new Region(BEIJING, "北京市", RegionLevel.CITY, RegionCode.NATION),
            new Region(CHAOYANG, "朝阳区", RegionLevel.DISTRICT, BEIJING),
            new Region(TONGZHOU, "通州区", RegionLevel.DISTRICT, BEIJING),
            new Region(TIANJIN, "天津市", RegionLevel.CITY, RegionCode.NATION),
            new Region(HEPING, "和平区", RegionLevel.DISTRICT, TIANJIN)));

    private Regions() {
    }
}
