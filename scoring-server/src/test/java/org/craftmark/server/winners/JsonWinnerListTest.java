package org.craftmark.server.winners;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The winner list as JSON")
class JsonWinnerListTest {
    private static final ObjectMapper EXACT = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    @Test
    void readsBackAsTheRowsWritten() throws IOException {
        JsonNode list = EXACT.readTree(write(Winners.ROWS));

        List<WinnerRow> rows = new ArrayList<>();
        list.get("items").forEach(item -> rows.add(Winners.fromText(key -> item.get(key).isNull() ? null : item.get(key).asText())));
        assertThat(rows).containsExactlyElementsOf(Winners.ROWS);
    }

    @Test
    void hasEveryKeyInEveryItemInTheContractsOrder() throws IOException {
        JsonNode item = EXACT.readTree(write(Winners.ROWS)).get("items").get(1);

        assertThat(item.fieldNames()).toIterable().containsExactlyElementsOf(WinnerField.keys());
        assertThat(item.get("idNumber").isNull()).isTrue();
    }

    @Test
    void writesTotalsAsExactNumbersAndMoneyAsIntegers() throws IOException {
        String json = new String(write(Winners.ROWS), StandardCharsets.UTF_8);

        assertThat(json).contains("\"total\":95.50", "\"total\":88,", "\"total\":null",
                "\"individualAward\":100000", "\"unitAward\":0", "\"contestId\":42", "\"year\":2026");
        assertThat(json).startsWith("{\"items\":[{\"name\":\"张伟\"").endsWith("}]}");
    }

    @Test
    void anEmptyListIsAnEmptyArray() throws IOException {
        assertThat(new String(write(List.of()), StandardCharsets.UTF_8)).isEqualTo("{\"items\":[]}");
    }

    private static byte[] write(List<WinnerRow> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WinnerFormat.JSON.write(rows.iterator(), out);
        return out.toByteArray();
    }
}
