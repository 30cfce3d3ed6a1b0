package org.craftmark.judge.sdk;

import io.vertx.core.json.JsonObject;
import org.craftmark.judge.outbox.ExactJson;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MarkJsonTest {
    private static final UUID ID = UUID.fromString("0b6f4c1e-7d0e-4f43-9a55-2a1d9f0c1e11");

    @Test
    @DisplayName("a mark frame carries every field, the value as a JSON number")
    void markFrame() {
        String frame = Frames.mark(MarkJson.mark(ID, MarkDraft.of(3, 17, "B1", "17.5")));

        assertThat(frame).isEqualTo("{\"type\":\"mark\",\"clientMarkId\":\"" + ID
                + "\",\"eventId\":3,\"entryId\":17,\"criterion\":\"B1\",\"value\":17.5}");
    }

    @ParameterizedTest(name = "{0} is sent as {1}")
    @CsvSource({
        "17.5, 17.5",
        "0.1, 0.1",
        "19.99, 19.99",
        "17.50, 17.5",
        "20, 20",
        "20.00, 20",
        "2E+1, 20",
        "0.05, 0.05",
        "12345678901234567.89, 12345678901234567.89",
        "0.30000000000000004, 0.30000000000000004"})
    @DisplayName("decimals go out exactly as entered, never through binary floating point")
    void valuesExact(String entered, String sent) {
        JsonObject mark = MarkJson.mark(ID, MarkDraft.of(3, 17, "B1", entered));

        String json = ExactJson.encode(mark);

        assertThat(json).endsWith("\"value\":" + sent + "}");
        assertThat(MarkJson.draft(ExactJson.parseObject(json)).value()).isEqualByComparingTo(entered);
    }

    @Test
    @DisplayName("a mark read back from JSON is the draft that was written")
    void roundTrip() {
        MarkDraft draft = new MarkDraft(3, 17, "B1", new BigDecimal("18.25"));

        JsonObject back = ExactJson.parseObject(ExactJson.encode(MarkJson.mark(ID, draft)));

        assertThat(MarkJson.draft(back)).isEqualTo(draft);
        assertThat(MarkJson.clientMarkId(back)).isEqualTo(ID);
    }

    @Test
    @DisplayName("drafts need positive ids, a criterion and a value")
    void draftValidation() {
        assertThatThrownBy(() -> MarkDraft.of(0, 17, "B1", "1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MarkDraft.of(3, -1, "B1", "1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MarkDraft.of(3, 17, " ", "1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MarkDraft(3, 17, "B1", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> MarkDraft.of(3, 17, "B1", "17,5")).isInstanceOf(NumberFormatException.class);
    }

    @Test
    @DisplayName("an error keeps its code, message and details both ways")
    void errorRoundTrip() {
        ApiError error = MarkJson.error(ExactJson.parseObject("""
                {"code":"VALIDATION_FAILED","message":"Invalid mark",
                 "details":[{"field":"value","problem":"must be at most 20"}]}"""));

        assertThat(error.describe()).isEqualTo("VALIDATION_FAILED: Invalid mark (value: must be at most 20)");
        assertThat(MarkJson.error(MarkJson.errorJson(error))).isEqualTo(error);
    }
}
