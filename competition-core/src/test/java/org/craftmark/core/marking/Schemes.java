package org.craftmark.core.marking;

import java.util.Arrays;
import java.util.List;

/** Test data: marking schemes from criterion builders. */
public final class Schemes {
    private Schemes() {
    }

    public static MarkingScheme scheme(CriterionBuilder... criteria) {
        return schemeWithTieBreak(List.of(), criteria);
    }

    public static MarkingScheme schemeWithTieBreak(List<String> tieBreak, CriterionBuilder... criteria) {
        return MarkingScheme.of(criteriaOf(criteria), tieBreak);
    }

    public static List<Criterion> criteriaOf(CriterionBuilder... criteria) {
        return Arrays.stream(criteria).map(CriterionBuilder::build).toList();
    }
}
