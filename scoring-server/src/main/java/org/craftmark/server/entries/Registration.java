package org.craftmark.server.entries;

import org.craftmark.core.common.Parsed;
import org.craftmark.core.common.Problem;
import org.craftmark.core.contest.SkillLevel;
import org.craftmark.core.people.ResidentId;
import org.craftmark.server.store.EntryStore.Member;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks one registration form — bib and competitor(s) — the same way whether it came as JSON or as
 * a CSV row, and reports every problem under the caller's field names.
 */
final class Registration {
    static final Pattern BIB = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,19}");
    static final int MAX_NAME = 50;
    static final int MAX_UNIT = 200;

    private Registration() {
    }

    static List<Problem> bibProblems(String field, String bib) {
        if (bib == null || bib.isBlank()) {
            return List.of(new Problem(field, "is required"));
        }
        return BIB.matcher(bib).matches()
                ? List.of()
                : List.of(new Problem(field, "must be 1–20 letters, digits or '-', starting with a letter or digit"));
    }

    /**
     * The competitor as stored, or null when anything is wrong (then {@code problems} says what).
     *
     * @param prefix e.g. {@code competitor.}, {@code members[1].} or {@code row 7: }
     */
    static Member check(String prefix, CompetitorForm form, LocalDate today, List<Problem> problems) {
        int before = problems.size();
        String name = form.name() == null ? "" : form.name().strip();
        if (name.isEmpty()) {
            problems.add(new Problem(prefix + "name", "is required"));
        } else if (name.codePointCount(0, name.length()) > MAX_NAME) {
            problems.add(new Problem(prefix + "name", "must be at most " + MAX_NAME + " characters"));
        }
        ResidentId id = residentId(prefix, form.idNumber(), today, problems);
        String employer = unit(prefix + "employer", form.employer(), problems);
        String trainingUnit = unit(prefix + "trainingUnit", form.trainingUnit(), problems);
        SkillLevel level = level(prefix + "currentLevel", form.currentLevel(), problems);
        return problems.size() > before ? null : new Member(name, id.number(), employer, trainingUnit, level);
    }

    private static ResidentId residentId(String prefix, String text, LocalDate today, List<Problem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(new Problem(prefix + "idNumber", "is required"));
            return null;
        }
        return switch (ResidentId.parse(text.strip(), today)) {
            case Parsed.Valid<ResidentId> valid -> valid.value();
            case Parsed.Invalid<ResidentId> invalid -> {
                invalid.problems().forEach(p -> problems.add(new Problem(prefix + "idNumber", p.problem())));
                yield null;
            }
        };
    }

    private static String unit(String field, String text, List<Problem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String unit = text.strip();
        if (unit.codePointCount(0, unit.length()) > MAX_UNIT) {
            problems.add(new Problem(field, "must be at most " + MAX_UNIT + " characters"));
        }
        return unit;
    }

    /** Blank means NONE: most competitors hold no level yet. */
    private static SkillLevel level(String field, String text, List<Problem> problems) {
        if (text == null || text.isBlank()) {
            return SkillLevel.NONE;
        }
        try {
            return SkillLevel.valueOf(text.strip());
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(field, "must be one of " + String.join(", ", Arrays.stream(SkillLevel.values()).map(Enum::name).toList())));
            return SkillLevel.NONE;
        }
    }

    /** A problem at each field whose value already appeared earlier in the same form or file. */
    static void flagRepeats(List<String> fields, List<String> values, String problem, List<Problem> problems) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value != null && !seen.add(value)) {
                problems.add(new Problem(fields.get(i), problem));
            }
        }
    }
}
