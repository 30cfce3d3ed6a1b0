package org.craftmark.core.awards;

import java.util.Objects;

/**
 * One row of the title table (荣誉称号).
 *
 * @param title the title, where {@value TitleTable#CITY_NAME} stands for the contest's city name,
 *     e.g. {@code {city}技术能手} → 北京市技术能手
 */
public record TitleRule(RuleScope scope, Qualification who, String title) {
    public TitleRule {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(who, "who");
        Objects.requireNonNull(title, "title");
    }

    public boolean appliesTo(Placing placing) {
        return scope.covers(placing) && who.admits(placing);
    }
}
