package org.craftmark.core.awards;

import static org.craftmark.core.awards.Qualification.anyPrize;
import static org.craftmark.core.awards.Qualification.rankAtMost;

import java.util.List;
import java.util.Optional;
import org.craftmark.core.contest.Category;
import org.craftmark.core.contest.Group;
import org.craftmark.core.contest.Tier;

/** The title table. Data like the promotion table: the first rule that applies gives the title. */
public record TitleTable(List<TitleRule> rules) {
    /** Placeholder in a title for the contest's city name. */
    public static final String CITY_NAME = "{city}";
    static final String NATIONAL_TITLE = "全国技术能手";
    static final String CITY_TITLE = CITY_NAME + "技术能手";

    public TitleTable {
        rules = List.copyOf(rules);
    }

    /** The defaults of domain.md (Entitlements, Titles). */
    public static TitleTable defaults() {
        RuleScope national = RuleScope.of(Tier.NATIONAL);
        RuleScope cityClassOne = RuleScope.of(Tier.CITY).in(Category.CLASS_I).in(Group.EMPLOYEE);
        RuleScope cityClassTwo = RuleScope.of(Tier.CITY).in(Category.CLASS_II).in(Group.EMPLOYEE);
        return new TitleTable(List.of(
                new TitleRule(RuleScope.of(Tier.WORLD), anyPrize(), NATIONAL_TITLE),
                new TitleRule(national.in(Lineup.INDIVIDUAL), rankAtMost(5), NATIONAL_TITLE),
                new TitleRule(national.in(Lineup.PAIR), rankAtMost(3), NATIONAL_TITLE),
                new TitleRule(national.in(Lineup.LARGER_TEAM), rankAtMost(2), NATIONAL_TITLE),
                new TitleRule(cityClassOne.in(Lineup.INDIVIDUAL), rankAtMost(3), CITY_TITLE),
                new TitleRule(cityClassOne.in(Lineup.PAIR), rankAtMost(2), CITY_TITLE),
                new TitleRule(cityClassOne.in(Lineup.LARGER_TEAM), rankAtMost(1), CITY_TITLE),
                new TitleRule(cityClassTwo.in(Lineup.INDIVIDUAL), rankAtMost(1), CITY_TITLE)));
    }

    /** The title every member of an entry with this placing gets, if any. */
    public Optional<String> titleFor(Placing placing) {
        return rules.stream()
                .filter(rule -> rule.appliesTo(placing))
                .findFirst()
                .map(rule -> rule.title().replace(CITY_NAME, placing.contest().cityName()));
    }
}
