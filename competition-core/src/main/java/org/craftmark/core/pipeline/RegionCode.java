package org.craftmark.core.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.craftmark.core.common.Problem;
import org.craftmark.core.common.RuleViolation;

/**
 * A 6-digit administrative region code (GB/T 2260), e.g. {@code 110112} 通州区; {@code 000000} is the
 * nation. The code alone does not say which region contains which (municipalities and reforms break
 * the digit patterns), so containment comes from a {@link RegionTree}.
 */
public record RegionCode(String value) {
    public static final RegionCode NATION = new RegionCode("000000");

    public RegionCode {
        RuleViolation.throwIfAny(problems("regionCode", value));
    }

    /** What is wrong with {@code text} as a region code, reported under {@code field}. */
    public static List<Problem> problems(String field, String text) {
        List<Problem> problems = new ArrayList<>();
        if (text == null || text.length() != 6 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            problems.add(new Problem(field, "must be a 6-digit region code"));
        }
        return problems;
    }

    /** The first two digits: the province-level unit, as certificate numbers print it. */
    public String provinceCode() {
        return value.substring(0, 2);
    }

    @Override
    public String toString() {
        return value;
    }
}
