package org.craftmark.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.craftmark.core.common.RuleViolation;
import org.junit.jupiter.api.Test;

class RegionTreeTest {
    @Test
    void aRegionIsWithinItselfItsCityAndTheNation() {
        assertThat(Regions.TREE.isWithin(Regions.TONGZHOU, Regions.TONGZHOU)).isTrue();
        assertThat(Regions.TREE.isWithin(Regions.TONGZHOU, Regions.BEIJING)).isTrue();
        assertThat(Regions.TREE.isWithin(Regions.TONGZHOU, RegionCode.NATION)).isTrue();
    }

    @Test
    void aRegionIsNotWithinItsChildrenSiblingsOrOtherCities() {
        assertThat(Regions.TREE.isWithin(Regions.BEIJING, Regions.TONGZHOU)).isFalse();
        assertThat(Regions.TREE.isWithin(Regions.TONGZHOU, Regions.CHAOYANG)).isFalse();
        assertThat(Regions.TREE.isWithin(Regions.HEPING, Regions.BEIJING)).isFalse();
    }

    @Test
    void unknownRegionsAreWithinNothing() {
        RegionCode unknown = new RegionCode("310000");

        assertThat(Regions.TREE.isWithin(unknown, RegionCode.NATION)).isFalse();
        assertThat(Regions.TREE.isWithin(Regions.TONGZHOU, unknown)).isFalse();
    }

    @Test
    void aRegionCodeIsSixDigits() {
        assertThat(RegionCode.problems("regionCode", "11011")).hasSize(1);
        assertThat(RegionCode.problems("regionCode", "11011a")).hasSize(1);
        assertThatThrownBy(() -> new RegionCode(null)).isInstanceOf(RuleViolation.class);
        assertThat(new RegionCode("110112").provinceCode()).isEqualTo("11");
    }

    @Test
    void parentsMustBeKnownAndOneLevelUp() {
        assertThatThrownBy(() -> RegionTree.of(List.of(
                Region.nation("中国"),
                new Region(Regions.TONGZHOU, "通州区", RegionLevel.DISTRICT, RegionCode.NATION),
                new Region(Regions.CHAOYANG, "朝阳区", RegionLevel.DISTRICT, Regions.BEIJING))))
                .isInstanceOf(RuleViolation.class)
                .satisfies(e -> assertThat(((RuleViolation) e).problems()).hasSize(2));
    }

    @Test
    void theCityOfARegionIsItselfForACityAndTheParentForADistrict() {
        assertThat(Regions.TREE.cityName(Regions.TONGZHOU)).isEqualTo("北京市");
        assertThat(Regions.TREE.cityName(Regions.TIANJIN)).isEqualTo("天津市");
        assertThat(Regions.TREE.cityName(RegionCode.NATION)).isEqualTo("中华人民共和国");
        assertThatThrownBy(() -> Regions.TREE.cityName(new RegionCode("999999"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSubtreeHoldsTheRegionAndEverythingInsideIt() {
        assertThat(Regions.TREE.subtree(Regions.BEIJING)).containsExactlyInAnyOrder(Regions.BEIJING, Regions.TONGZHOU, Regions.CHAOYANG);
        assertThat(Regions.TREE.subtree(Regions.TONGZHOU)).containsExactly(Regions.TONGZHOU);
        assertThat(Regions.TREE.subtree(RegionCode.NATION)).hasSize(6);
        assertThat(Regions.TREE.subtree(new RegionCode("999999"))).isEmpty();
    }
}
