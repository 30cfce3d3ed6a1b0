package org.craftmark.server.testing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.craftmark.core.contest.EntryStatus;
import org.craftmark.core.marking.Criterion;
import org.craftmark.core.marking.Kind;
import org.craftmark.core.marking.Method;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** The published scoring examples, as events to set up, marks to send and leaderboards to expect. */
public final class VectorCases {
    public static final int MIN_JUDGES = 5;

    private VectorCases() {
    }

    public static List<JsonNode> all() {
        try (InputStream in = VectorCases.class.getResourceAsStream("/vectors/scoring.json")) {
            List<JsonNode> cases = new ArrayList<>();
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(in).forEach(cases::add);
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode named(String name) {
        return all().stream().filter(c -> name.equals(c.get("name").asText())).findFirst().orElseThrow();
    }

    /** Sets the example's event up (scheme, entries, times) with enough judges, RUNNING. */
    public static MarkingFixture setUp(TestServer server, JsonNode example, String judgePrefix) {
        List<String> bibs = new ArrayList<>();
        example.get("entries").forEach(e -> bibs.add(e.get("bib").asText()));
        List<String> judges = new ArrayList<>();
        for (int i = 0; i < Math.max(MIN_JUDGES, maxMarks(example)); i++) {
            judges.add(judgePrefix + "-j" + i);
        }
        MarkingFixture season = MarkingFixture.create(server, criteria(example.get("scheme")), tieBreak(example.get("scheme")), bibs, judges);
        for (JsonNode entry : example.get("entries")) {
            if (!entry.get("seconds").isNull()) {
                season.setCompletionTime(entry.get("bib").asText(), entry.get("seconds").asInt());
            }
        }
        return season;
    }

    /** DNS and DQ are set after marking, as a chief judge would on the day. */
    public static void applyStatuses(MarkingFixture season, JsonNode example) {
        for (JsonNode entry : example.get("entries")) {
            EntryStatus status = EntryStatus.valueOf(entry.get("status").asText());
            if (status != EntryStatus.ACTIVE) {
                season.setStatus(entry.get("bib").asText(), status);
            }
        }
    }

    /** The i-th judge's marks: the i-th value of every list that has one. */
    public static List<JsonObject> marksOf(MarkingFixture season, JsonNode example, int judge) {
        List<JsonObject> marks = new ArrayList<>();
        for (JsonNode entry : example.get("entries")) {
            entry.get("marks").fields().forEachRemaining(criterion -> {
                if (criterion.getValue().size() > judge) {
                    marks.add(new JsonObject().put("type", "mark").put("clientMarkId", UUID.randomUUID().toString())
                            .put("eventId", season.eventId).put("entryId", season.entry(entry.get("bib").asText()))
                            .put("criterion", criterion.getKey()).put("value", criterion.getValue().get(judge).decimalValue()));
                }
            });
        }
        return marks;
    }

    /** Every difference between the rows shown and the rows the example predicts; empty when equal. */
    public static List<String> compare(String name, JsonNode expect, JsonArray rows) {
        List<String> failures = new ArrayList<>();
        JsonNode expected = expect.get("rows");
        if (rows.size() != expected.size()) {
            return List.of(name + ": " + rows.size() + " rows, expected " + expected.size());
        }
        for (int i = 0; i < rows.size(); i++) {
            JsonObject row = rows.getJsonObject(i);
            JsonNode want = expected.get(i);
            String at = name + " row " + i + " ";
            String bib = want.get("bib").asText();
            check(failures, at + "bib", bib, row.getString("bib"));
            check(failures, at + "rank", want.get("rank").isNull() ? null : want.get("rank").asInt(), row.getInteger("rank"));
            check(failures, at + "total", want.get("total").decimalValue().stripTrailingZeros(), decimal(row.getValue("total")));
            check(failures, at + "complete", want.get("complete").asBoolean(), row.getBoolean("complete"));
            check(failures, at + "status", want.get("status").asText(), row.getString("status"));
            check(failures, at + "modules", want.get("modules").size(), row.getJsonObject("modules").size());
            want.get("modules").fields().forEachRemaining(m -> check(failures, at + "modules." + m.getKey(),
                    m.getValue().decimalValue().stripTrailingZeros(), decimal(row.getJsonObject("modules").getValue(m.getKey()))));
            JsonNode prize = expect.get("prizes").get(bib);
            check(failures, at + "prize", prize == null || prize.isNull() ? null : prize.asText(), row.getString("prize"));
        }
        return failures;
    }

    public static int judgesOf(JsonNode example) {
        return Math.max(MIN_JUDGES, maxMarks(example));
    }

    private static void check(List<String> failures, String what, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            failures.add(what + ": expected " + expected + " but was " + actual);
        }
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? null : new BigDecimal(value.toString()).stripTrailingZeros();
    }

    private static int maxMarks(JsonNode example) {
        int max = 0;
        for (JsonNode entry : example.get("entries")) {
            for (JsonNode marks : entry.get("marks")) {
                max = Math.max(max, marks.size());
            }
        }
        return max;
    }

    private static List<Criterion> criteria(JsonNode scheme) {
        List<Criterion> criteria = new ArrayList<>();
        for (JsonNode c : scheme.get("criteria")) {
            criteria.add(new Criterion(c.get("code").asText(), c.get("module").asText(), c.get("name").asText(),
                    Kind.valueOf(c.get("kind").asText()), c.get("maxMark").decimalValue(), Method.valueOf(c.get("method").asText()),
                    c.get("judges").asInt(), c.has("trim") ? c.get("trim").asInt() : Criterion.DEFAULT_TRIM));
        }
        return criteria;
    }

    private static List<String> tieBreak(JsonNode scheme) {
        List<String> tieBreak = new ArrayList<>();
        scheme.get("tieBreak").forEach(t -> tieBreak.add(t.asText()));
        return tieBreak;
    }
}
