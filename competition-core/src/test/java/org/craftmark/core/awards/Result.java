package org.craftmark.core.awards;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.craftmark.core.contest.Category;
import org.craftmark.core.contest.Group;
import org.craftmark.core.contest.Mode;
import org.craftmark.core.contest.Tier;
import org.craftmark.core.pipeline.RegionCode;
import org.craftmark.core.pipeline.Regions;

/**
 * Test-data builder: one ranked entry in a contest. Defaults: a Beijing CITY CLASS_I contest, an
 * EMPLOYEE individual event of 20 ranked entries, rank 1, home region Tongzhou, one member with no level.
 */
final class Result {
    private Tier tier = Tier.CITY;
    private Category category = Category.CLASS_I;
    private String cityName = "北京市";
    private Group group = Group.EMPLOYEE;
    private Mode mode = Mode.INDIVIDUAL;
    private Integer teamSize;
    private int rankedEntries = 20;
    private int rank = 1;
    private RegionCode homeRegion = Regions.TONGZHOU;
    private List<Member> members = List.of(MemberBuilder.member(0).build());

    static Result in(Tier tier) {
        Result result = new Result();
        result.tier = tier;
        return result;
    }

    Result category(Category value) {
        category = value;
        return this;
    }

    Result city(String name) {
        cityName = name;
        return this;
    }

    Result students() {
        group = Group.STUDENT;
        return this;
    }

    Result rank(int value) {
        rank = value;
        return this;
    }

    Result of(int ranked) {
        rankedEntries = ranked;
        return this;
    }

    Result home(RegionCode region) {
        homeRegion = region;
        return this;
    }

    /** An individual entry of this member. */
    Result by(MemberBuilder member) {
        members = List.of(member.build());
        return this;
    }

    /** A team entry of these members, first member first. */
    Result team(MemberBuilder... team) {
        mode = Mode.TEAM;
        teamSize = team.length;
        members = Arrays.stream(team).map(MemberBuilder::build).toList();
        return this;
    }

    /** A team entry of {@code size} default members. */
    Result teamOf(int size) {
        return team(IntStream.range(0, size).mapToObj(MemberBuilder::member).toArray(MemberBuilder[]::new));
    }

    ContestFacts contest() {
        return new ContestFacts(tier, category, cityName);
    }

    EventFacts event() {
        return new EventFacts(group, mode, teamSize, rankedEntries);
    }

    RankedEntry entry() {
        return new RankedEntry(7, rank, homeRegion, members);
    }

    List<EntitlementRow> rowsBy(Entitlements entitlements) {
        return entitlements.forEntry(contest(), event(), entry());
    }
}
