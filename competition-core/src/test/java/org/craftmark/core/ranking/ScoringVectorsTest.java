package org.craftmark.core.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.craftmark.core.contest.EntryStatus;
import org.craftmark.core.contest.Prize;
import org.craftmark.core.marking.Criterion;
import org.craftmark.core.marking.Kind;
import org.craftmark.core.marking.MarkingScheme;
import org.craftmark.core.marking.Method;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every published scoring vector (computed from domain.md by an independent implementation):
 * the scheme must be valid, and the leaderboard must match row for row — order, rank, total,
 * completeness, status, every module sum and every prize.
 */
@DisplayName("Published scoring vectors")
class ScoringVectorsTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    static Stream<JsonNode> cases() throws IOException {
        try (InputStream in = ScoringVectorsTest.class.getResourceAsStream("/vectors/scoring.json")) {
            JsonNode all = JSON.readTree(in);
            assertThat(all).as("the vectors").hasSizeGreaterThanOrEqualTo(24);
            List<JsonNode> cases = new ArrayList<>();
            all.forEach(cases::add);
            return cases.stream();
        }
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("cases")
    void leaderboard_matches(JsonNode vector) {
        MarkingScheme scheme = schemeOf(vector.get("scheme"));
        List<ScoredEntry> entries = new ArrayList<>();
        vector.get("entries").forEach(entry -> entries.add(scoredEntry(scheme, entry)));

        Leaderboard board = Ranking.rank(scheme.tieBreak(), entries);

        JsonNode expect = vector.get("expect");
        assertRows(board.rows(), expect.get("rows"));
        assertPrizes(board.rows(), expect.get("prizes"));
    }

    private static void assertRows(List<Standing> actual, JsonNode expected) {
        assertThat(actual).extracting(Standing::bib).containsExactlyElementsOf(texts(expected, "bib"));
        for (int i = 0; i < actual.size(); i++) {
            Standing row = actual.get(i);
            JsonNode want = expected.get(i);
            String where = "row " + i + " (" + row.bib() + ")";
            assertThat(row.rank()).as(where + " rank")
                    .isEqualTo(want.get("rank").isNull() ? null : want.get("rank").intValue());
            assertThat(row.total()).as(where + " total").isEqualByComparingTo(want.get("total").decimalValue());
            assertThat(row.complete()).as(where + " complete").isEqualTo(want.get("complete").booleanValue());
            assertThat(row.status()).as(where + " status").isEqualTo(EntryStatus.valueOf(want.get("status").asText()));
            Map<String, BigDecimal> modules = decimals(want.get("modules"));
            assertThat(row.modules()).as(where + " modules").containsOnlyKeys(modules.keySet());
            modules.forEach((module, sum) ->
                    assertThat(row.modules().get(module)).as(where + " module " + module).isEqualByComparingTo(sum));
        }
    }

    private static void assertPrizes(List<Standing> rows, JsonNode expected) {
        List<String> ranked = rows.stream().filter(Standing::isRanked).map(Standing::bib).toList();
        List<String> withPrizeLine = new ArrayList<>();
        expected.fieldNames().forEachRemaining(withPrizeLine::add);
        assertThat(withPrizeLine).as("prizes are listed for the ranked entries").containsExactlyInAnyOrderElementsOf(ranked);
        for (Standing row : rows) {
            JsonNode want = expected.get(row.bib());
            Prize prize = want == null || want.isNull() ? null : Prize.valueOf(want.asText());
            assertThat(row.prize()).as("prize of " + row.bib()).isEqualTo(prize);
        }
    }

    private static MarkingScheme schemeOf(JsonNode scheme) {
        List<Criterion> criteria = new ArrayList<>();
        scheme.get("criteria").forEach(criterion -> criteria.add(new Criterion(
                criterion.get("code").asText(),
                criterion.get("module").asText(),
                criterion.get("name").asText(),
                Kind.valueOf(criterion.get("kind").asText()),
                criterion.get("maxMark").decimalValue(),
                Method.valueOf(criterion.get("method").asText()),
                criterion.get("judges").intValue(),
                criterion.path("trim").asInt(Criterion.DEFAULT_TRIM))));
        return MarkingScheme.of(criteria, texts(scheme.get("tieBreak"), null));
    }

    private static ScoredEntry scoredEntry(MarkingScheme scheme, JsonNode entry) {
        Map<String, List<BigDecimal>> marks = new LinkedHashMap<>();
        entry.get("marks").properties().forEach(criterion -> {
            List<BigDecimal> values = new ArrayList<>();
            criterion.getValue().forEach(value -> values.add(value.decimalValue()));
            marks.put(criterion.getKey(), values);
        });
        JsonNode seconds = entry.get("seconds");
        return new ScoredEntry(
                entry.get("bib").asText(),
                EntryStatus.valueOf(entry.get("status").asText()),
                seconds == null || seconds.isNull() ? null : seconds.intValue(),
                scheme.score(marks));
    }

    /** The text of each element, or of each element's {@code field}. */
    private static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(field == null ? node.asText() : node.get(field).asText()));
        return texts;
    }

    private static Map<String, BigDecimal> decimals(JsonNode object) {
        Map<String, BigDecimal> decimals = new LinkedHashMap<>();
        object.properties().forEach(field -> decimals.put(field.getKey(), field.getValue().decimalValue()));
        return decimals;
    }
}
