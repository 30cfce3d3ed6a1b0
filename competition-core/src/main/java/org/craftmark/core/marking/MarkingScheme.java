package org.craftmark.core.marking;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SequencedSet;
import java.util.function.BiFunction;
import org.craftmark.core.common.Problem;
import org.craftmark.core.common.RuleViolation;
import org.craftmark.core.marking.TieBreak.ModuleTieBreak;

/**
 * An event's marking scheme (评分表): its criteria, grouped in modules, and its tie-break list.
 * A MarkingScheme always obeys the rulebook: building one that does not throws {@link RuleViolation}
 * naming every problem, e.g. {@code criteria[2].judges}.
 */
public record MarkingScheme(List<Criterion> criteria, List<TieBreak> tieBreak) {

    private static final String ALL_TIE_BREAKS = "MODULE:<module>, KIND:MEASUREMENT, KIND:JUDGEMENT or TIME";

    public MarkingScheme {
        RuleViolation.throwIfAny(problemsOf(criteria, tieBreak, MarkingScheme::moduleProblem));
        criteria = List.copyOf(criteria);
        tieBreak = tieBreak == null ? List.of() : List.copyOf(tieBreak);
    }

    /** Builds a scheme from tie-breaks as the contract writes them ({@code "MODULE:A"}, {@code "TIME"}). */
    public static MarkingScheme of(List<Criterion> criteria, List<String> tieBreak) {
        RuleViolation.throwIfAny(validate(criteria, tieBreak));
        List<String> texts = tieBreak == null ? List.of() : tieBreak;
        return new MarkingScheme(criteria, texts.stream().map(text -> TieBreak.parse(text).orElseThrow()).toList());
    }

    /**
     * Every rule the scheme breaks, fields named as in the contract ({@code criteria[2].judges},
     * {@code tieBreak[0]}); empty when it is valid. A null tie-break list means none.
     */
    public static List<Problem> validate(List<Criterion> criteria, List<String> tieBreak) {
        return problemsOf(criteria, tieBreak, MarkingScheme::tieBreakTextProblem);
    }

    /** The modules, in the order the criteria first name them. */
    public SequencedSet<String> modules() {
        return Collections.unmodifiableSequencedSet(modulesOf(criteria));
    }

    public Optional<Criterion> criterion(String code) {
        return criteria.stream().filter(criterion -> criterion.code().equals(code)).findFirst();
    }

    /**
     * Scores one entry from the judges' current marks, by criterion code (one value per judge, any
     * order). A criterion without marks counts 0.
     *
     * @throws IllegalArgumentException when marks name a criterion the scheme does not have
     */
    public EntryScore score(Map<String, List<BigDecimal>> marksByCriterion) {
        requireKnown(marksByCriterion.keySet());
        Map<String, CriterionResult> results = new LinkedHashMap<>();
        for (Criterion criterion : criteria) {
            List<BigDecimal> marks = marksByCriterion.getOrDefault(criterion.code(), List.of());
            results.put(criterion.code(), CriterionResult.of(criterion, marks));
        }
        return EntryScore.of(this, results);
    }

    void requireKnown(Collection<String> codes) {
        for (String code : codes) {
            if (criterion(code).isEmpty()) {
                throw new IllegalArgumentException("the scheme has no criterion " + code);
            }
        }
    }

    // The criteria rules are the same however the tie-breaks arrive; only reading a tie-break differs.
    private static <T> List<Problem> problemsOf(List<Criterion> criteria, List<T> tieBreak,
                                                BiFunction<T, SequencedSet<String>, Optional<String>> tieBreakRule) {
        List<Problem> problems = new ArrayList<>(criteriaProblems(criteria));
        SequencedSet<String> modules = criteria == null ? new LinkedHashSet<>() : modulesOf(criteria);
        List<T> entries = tieBreak == null ? List.of() : tieBreak;
        for (int i = 0; i < entries.size(); i++) {
            String field = "tieBreak[" + i + "]";
            tieBreakRule.apply(entries.get(i), modules).ifPresent(problem -> problems.add(new Problem(field, problem)));
        }
        return problems;
    }

    private static List<Problem> criteriaProblems(List<Criterion> criteria) {
        if (criteria == null || criteria.isEmpty()) {
            return List.of(new Problem("criteria", "a marking scheme needs at least one criterion"));
        }
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> firstIndexOfCode = new HashMap<>();
        for (int i = 0; i < criteria.size(); i++) {
            String field = "criteria[" + i + "]";
            Criterion criterion = criteria.get(i);
            if (criterion == null) {
                problems.add(new Problem(field, "a criterion is missing here"));
                continue;
            }
            criterion.problems().forEach(problem -> problems.add(problem.under(field + ".")));
            String code = criterion.code();
            Integer first = code == null || code.isBlank() ? null : firstIndexOfCode.putIfAbsent(code, i);
            if (first != null) {
                problems.add(new Problem(field + ".code",
                        "criterion code " + code + " is used twice: criteria[" + first + "] has it too"));
            }
        }
        return problems;
    }

    private static Optional<String> tieBreakTextProblem(String text, SequencedSet<String> modules) {
        return TieBreak.parse(text)
                .map(tieBreak -> moduleProblem(tieBreak, modules))
                .orElseGet(() -> Optional.of("'" + text + "' is not a tie-break: use " + ALL_TIE_BREAKS));
    }

    private static Optional<String> moduleProblem(TieBreak tieBreak, SequencedSet<String> modules) {
        if (tieBreak == null) {
            return Optional.of("a tie-break is missing here: use " + ALL_TIE_BREAKS);
        }
        if (tieBreak instanceof ModuleTieBreak(String module) && !modules.contains(module)) {
            return Optional.of("tie-break " + tieBreak.text() + " names no module of this scheme (its modules: "
                    + String.join(", ", modules) + ")");
        }
        return Optional.empty();
    }

    private static SequencedSet<String> modulesOf(List<Criterion> criteria) {
        SequencedSet<String> modules = new LinkedHashSet<>();
        criteria.stream()
                .filter(Objects::nonNull)
                .map(Criterion::module)
                .filter(module -> module != null && !module.isBlank())
                .forEach(modules::add);
        return modules;
    }
}
