package org.craftmark.core.awards;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.craftmark.core.contest.Category;
import org.craftmark.core.contest.Tier;
import org.craftmark.core.pipeline.Regions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TitlesTest {
    private static final Entitlements DEFAULTS = Entitlements.withDefaultTables(List.of(), Regions.TREE);

    /** The title of every member: a team's members all share it. */
    private static String titleOf(Result result) {
        List<String> titles = result.rowsBy(DEFAULTS).stream().map(EntitlementRow::title).distinct().toList();
        assertThat(titles).hasSize(1);
        return titles.getFirst();
    }

    private static Result lineup(Result result, int teamSize) {
        return teamSize == 1 ? result : result.teamOf(teamSize);
    }

    @ParameterizedTest(name = "NATIONAL, team size {0}, rank {1} → {2}")
    @CsvSource(nullValues = "none", value = {
            "1, 5, 全国技术能手", "1, 6, none",
            "2, 3, 全国技术能手", "2, 4, none",
            "3, 2, 全国技术能手", "3, 3, none",
            "6, 2, 全国技术能手", "6, 3, none"})
    void nationalTitleRankLimitsShrinkWithTeamSize(int teamSize, int rank, String title) {
        assertThat(titleOf(lineup(Result.in(Tier.NATIONAL).rank(rank), teamSize))).isEqualTo(title);
    }

    @ParameterizedTest(name = "CITY CLASS_I employees, team size {0}, rank {1} → {2}")
    @CsvSource(nullValues = "none", value = {
            "1, 3, 天津市技术能手", "1, 4, none",
            "2, 2, 天津市技术能手", "2, 3, none",
            "3, 1, 天津市技术能手", "3, 2, none"})
    void cityClassOneTitleCarriesTheCityName(int teamSize, int rank, String title) {
        Result result = Result.in(Tier.CITY).category(Category.CLASS_I).city("天津市").rank(rank);

        assertThat(titleOf(lineup(result, teamSize))).isEqualTo(title);
    }

    @ParameterizedTest(name = "CITY CLASS_II employees, team size {0}, rank {1} → {2}")
    @CsvSource(nullValues = "none", value = {"1, 1, 北京市技术能手", "1, 2, none", "2, 1, none", "3, 1, none"})
    void cityClassTwoTitleIsForTheIndividualWinnerOnly(int teamSize, int rank, String title) {
        assertThat(titleOf(lineup(Result.in(Tier.CITY).category(Category.CLASS_II).rank(rank), teamSize)))
                .isEqualTo(title);
    }

    @ParameterizedTest(name = "{0} students rank 1 → no city title")
    @CsvSource({"CLASS_I", "CLASS_II"})
    void studentsGetNoCityTitle(Category category) {
        assertThat(titleOf(Result.in(Tier.CITY).category(category).students())).isNull();
    }

    @ParameterizedTest(name = "WORLD rank {0} of 20 → {1}")
    @CsvSource(nullValues = "none", value = {"1, 全国技术能手", "10, 全国技术能手", "11, none"})
    void worldTitleGoesToEveryPrizeWinner(int rank, String title) {
        assertThat(titleOf(Result.in(Tier.WORLD).students().teamOf(3).rank(rank).of(20))).isEqualTo(title);
    }

    @ParameterizedTest(name = "DISTRICT {0} rank 1 → no title")
    @CsvSource({"CLASS_I", "CLASS_II"})
    void districtContestsGiveNoTitle(Category category) {
        assertThat(titleOf(Result.in(Tier.DISTRICT).category(category))).isNull();
    }
}
