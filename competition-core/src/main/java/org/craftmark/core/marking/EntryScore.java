package org.craftmark.core.marking;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * An entry's score under a marking scheme: what the leaderboard shows and ranks. All amounts have 2
 * decimals. Build one with {@link MarkingScheme#score} or, to rescore a single criterion cheaply,
 * {@link #of} from per-criterion results.
 *
 * @param total    Σ non-deduction criterion marks − Σ deduction criterion marks, never below 0
 * @param modules  each module's sum, deductions counted negative, in scheme order
 * @param kinds    each kind's sum of criterion marks (0 for a kind without criteria); the DEDUCTION
 *                 sum is what was taken off, so it is not negative
 * @param criteria each criterion's result, by code, in scheme order
 */
public record EntryScore(BigDecimal total, Map<String, BigDecimal> modules, Map<Kind, BigDecimal> kinds,
                         Map<String, CriterionResult> criteria) {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    public EntryScore {
        Objects.requireNonNull(total, "total");
        modules = Collections.unmodifiableMap(new LinkedHashMap<>(modules));
        kinds = Collections.unmodifiableMap(copyOf(kinds));
        criteria = Collections.unmodifiableMap(new LinkedHashMap<>(criteria));
    }

    /**
     * Adds up per-criterion results (by code) under the scheme. A criterion without a result counts as
     * unmarked.
     *
     * @throws IllegalArgumentException when a result names a criterion the scheme does not have
     */
    public static EntryScore of(MarkingScheme scheme, Map<String, CriterionResult> results) {
        scheme.requireKnown(results.keySet());
        Map<String, CriterionResult> byCode = new LinkedHashMap<>();
        Map<String, BigDecimal> modules = new LinkedHashMap<>();
        Map<Kind, BigDecimal> kinds = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            kinds.put(kind, ZERO);
        }
        BigDecimal net = ZERO;
        for (Criterion criterion : scheme.criteria()) {
            CriterionResult result = results.getOrDefault(criterion.code(), CriterionResult.UNMARKED);
            BigDecimal signed = criterion.kind().signed(result.mark());
            byCode.put(criterion.code(), result);
            modules.merge(criterion.module(), signed, BigDecimal::add);
            kinds.merge(criterion.kind(), result.mark(), BigDecimal::add);
            net = net.add(signed);
        }
        return new EntryScore(net.max(ZERO), modules, kinds, byCode);
    }

    /** Complete when every criterion is complete: only then may the event be locked. */
    public boolean complete() {
        return criteria.values().stream().allMatch(CriterionResult::complete);
    }

    /** The module's sum; 0 for a module this score does not have. */
    public BigDecimal moduleSum(String module) {
        return modules.getOrDefault(module, ZERO);
    }

    /** The sum of the criterion marks of that kind; 0 when the scheme has no criterion of it. */
    public BigDecimal kindSum(Kind kind) {
        return kinds.getOrDefault(kind, ZERO);
    }

    /** Codes of the criteria still waiting for marks or in discrepancy, in scheme order. */
    public List<String> incompleteCriteria() {
        return codesWhere(result -> !result.complete());
    }

    /** Codes of the criteria whose judges must re-mark (WSS spread above 1), in scheme order. */
    public List<String> discrepancies() {
        return codesWhere(CriterionResult::discrepancy);
    }

    // EnumMap's own copy constructor refuses an empty map that is not an EnumMap.
    private static Map<Kind, BigDecimal> copyOf(Map<Kind, BigDecimal> kinds) {
        Map<Kind, BigDecimal> copy = new EnumMap<>(Kind.class);
        copy.putAll(kinds);
        return copy;
    }

    private List<String> codesWhere(Predicate<CriterionResult> condition) {
        return criteria.entrySet().stream()
                .filter(entry -> condition.test(entry.getValue()))
                .map(Map.Entry::getKey)
                .toList();
    }
}
