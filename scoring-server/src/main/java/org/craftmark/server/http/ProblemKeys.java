package org.craftmark.server.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stable keys for the server's problem texts, so apps translate {@code details[]} by key and
 * arguments instead of by English words: {@code "must be at most 50 characters"} goes out with
 * {@code "key":"tooLong","args":{"max":"50"}}. The texts are the server's own (written by its
 * checks), so this catalogue lists every shape they take; anything not listed goes out as
 * {@code "invalid"} (the app then says "this value is not accepted" next to the field). The key is
 * part of the API: renaming one is a breaking change for the apps, the problem text is not.
 */
public final class ProblemKeys {
    /** A key and the names of the pattern's groups, in order. */
    private record Shape(String key, Pattern pattern, List<String> args) {
    }

    private static final List<Shape> SHAPES = List.of(
            shape("required", "is required.*|must not be blank"),
            shape("tooLong", "must be at most (\\d+) characters", "max"),
            shape("lengthBetween", "must be (\\d+)–(\\d+) characters", "min", "max"),
            shape("oneOf", "must be one of (.+)|is required \\(one of (.+)\\)|must be a string, one of (.+)", "choices"),
            shape("between", "must be between (\\S+) and (\\S+)", "min", "max"),
            shape("notString", "must be a string"),
            shape("notNumber", "must be a number"),
            shape("notWholeNumber", "must be a whole number( ≥ 0)?"),
            shape("notPositive", "must be a positive (integer|whole number)"),
            shape("notObject", "must be an object"),
            shape("notArray", "must be an array"),
            shape("notBoolean", "must be true or false"),
            shape("tooMany", "must have at most (\\d+) (items|marks)", "max"),
            shape("bibTaken", "bib (\\S+) is taken in this event", "bib"),
            shape("taken", "is taken( in this event)?"),
            shape("alreadyEntered", "this person is already entered in this event"),
            shape("repeatedPerson", "the same person appears (twice in the team|earlier in the file)"),
            shape("repeatedBib", "the same bib appears earlier in the file"),
            shape("bibFormat", "must be 1–20 letters, digits or '-'.*"),
            shape("usernameFormat", "must be 3–64 letters.*"),
            shape("disableSelf", "you cannot disable yourself"),
            shape("unknownRegion", "is not a known region|must be a known \\S+ region"),
            shape("unknownContest", "is not a known contest"),
            shape("unknownUser", "is not a known user"),
            shape("notJudge", "must be a JUDGE user.*"),
            shape("notCriterion", "(\\S+) is not a criterion of this event", "code"),
            shape("locked", "is locked"),
            shape("notLocked", "is not locked"),
            shape("status", "is (DRAFT|OPEN|RUNNING|PUBLISHED|FINAL)", "status"),
            shape("marksShort", "(\\d+) of (\\d+) marks", "n", "of"),
            shape("discrepancy", "discrepancy"),
            shape("recheckOpen", "(\\d+) of (\\d+) items without an outcome", "n", "of"),
            shape("conflictOfInterest", "conflict of interest"),
            shape("noMarkToCorrect", "has no mark for entry (\\S+) on (\\S+)", "bib", "code"),
            shape("notOnPanel", "user \\d+ is not on this event's panel"),
            shape("notAssigned", "user \\d+ is not assigned (\\S+)", "code"),
            shape("idLength", "must be 18 characters.*"),
            shape("idDigits", "characters 1–17 must be digits.*|need exactly 17 digits"),
            shape("idCheckCharacter", "character 18 must be a digit or X"),
            shape("idCheck", "check character does not match.*"),
            shape("idBirthFuture", "birth date .* is in the future"),
            shape("idBirthDate", "birth date .* is not a real date.*"),
            shape("markAboveMax", ".*the mark must be at most its maxMark (\\S+?)\\.?", "max"),
            shape("markDecimals", ".*the mark must have at most 2 decimals.*"),
            shape("markNegative", ".*the mark must not be negative.*"),
            shape("markWss", ".*is marked WSS.*"),
            shape("markMissing", ".*needs a mark value"),
            shape("occupationCode", "must be an occupation code like .*"),
            shape("regionCodeFormat", "must be a 6-digit region code|must be \\d+ digits"),
            shape("score", "must be a score ≥ 0 with at most 2 decimals"),
            shape("idempotencyConflict", "was used for a different mark"),
            shape("teamSize", "a team of this event has exactly (\\d+) members", "n"),
            shape("teamSizeRange", "a TEAM event needs teamSize (\\d+)–(\\d+)", "min", "max"),
            shape("notForIndividual", "must be null for an INDIVIDUAL event"),
            shape("noCriteria", "a marking scheme needs at least one criterion"),
            shape("schemeField", "(criterion \\S+|the criterion|a criterion) needs an? (name|module|maxMark|kind|method|code).*", "criterion", "what"),
            shape("maxMark", ".*must have a maxMark .*"),
            shape("duplicateCode", ".*is used twice.*"),
            shape("tieBreak", ".*tie-break.*|.*names no module of this scheme.*|DEDUCTION does not break ties"),
            shape("judgesAtLeast", ".* uses \\S+, which needs at least (\\d+) judges?.*", "n"),
            shape("judgesExactly", ".* uses \\S+, which needs exactly (\\d+) judges?.*", "n"),
            shape("trim", ".*must trim at least 1 mark at each end.*"),
            shape("appealsOpen", "(\\d+) appeal\\(s\\) still open", "n"),
            shape("noticeNotOver", "the notice period ends at (\\S+)", "at"),
            shape("feedsInto", "a \\S+ contest feeds into .*"),
            shape("regionLevel", "a \\S+ contest is held in a .*|a \\S+'s parent must be a .*|the nation has no parent|.* appears twice"),
            shape("header", "must be bib,name.*"));

    private ProblemKeys() {
    }

    private static Shape shape(String key, String regex, String... args) {
        return new Shape(key, Pattern.compile(regex), List.of(args));
    }

    /** The key and arguments of a problem text; {@code invalid} with none when the text has no known shape. */
    public static Keyed of(String problem) {
        for (Shape shape : SHAPES) {
            Matcher m = shape.pattern().matcher(problem);
            if (m.matches()) {
                return new Keyed(shape.key(), arguments(shape, m));
            }
        }
        return new Keyed("invalid", Map.of());
    }

    /** The groups that matched, named in order (alternatives of one pattern share the names). */
    private static Map<String, String> arguments(Shape shape, Matcher m) {
        List<String> values = new ArrayList<>();
        for (int g = 1; g <= m.groupCount(); g++) {
            if (m.group(g) != null) {
                values.add(m.group(g));
            }
        }
        Map<String, String> args = new LinkedHashMap<>();
        for (int i = 0; i < Math.min(values.size(), shape.args().size()); i++) {
            args.put(shape.args().get(i), values.get(i));
        }
        return args;
    }

    /** A problem's stable key and its arguments (numbers, codes, bibs: never words to translate). */
    public record Keyed(String key, Map<String, String> args) {
    }
}
