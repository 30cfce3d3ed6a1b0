package org.craftmark.judge.outbox;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExactJsonTest {

    @Test
    @DisplayName("fractions are read as exact decimals, nested ones too")
    void readsDecimals() {
        JsonObject json = ExactJson.parseObject("{\"value\":0.1,\"list\":[{\"maxMark\":19.99}],\"id\":3}");

        assertThat(json.getValue("value")).isEqualTo(new BigDecimal("0.1"));
        assertThat(json.getJsonArray("list").getJsonObject(0).getValue("maxMark")).isEqualTo(new BigDecimal("19.99"));
        assertThat(json.getLong("id")).isEqualTo(3L);
    }

    @Test
    @DisplayName("decimals are written in plain notation, as they are")
    void writesPlainDecimals() {
        JsonObject json = new JsonObject()
                .put("a", new BigDecimal("17.5"))
                .put("b", new BigDecimal("1E+1"))
                .put("c", new BigDecimal("0.0000001"))
                .put("d", new JsonArray().add(new BigDecimal("12345678901234567.89")));

        assertThat(ExactJson.encode(json)).isEqualTo("{\"a\":17.5,\"b\":10,\"c\":0.0000001,\"d\":[12345678901234567.89]}");
    }

    @Test
    @DisplayName("text that is not exactly one JSON object is refused")
    void refusesNonObjects() {
        assertThatThrownBy(() -> ExactJson.parseObject("[1]")).isInstanceOf(DecodeException.class);
        assertThatThrownBy(() -> ExactJson.parseObject("{\"a\":1} x")).isInstanceOf(DecodeException.class);
        assertThatThrownBy(() -> ExactJson.parseObject("{\"a\":")).isInstanceOf(DecodeException.class);
        assertThatThrownBy(() -> ExactJson.parseObject("{\"a\":1,\"a\":2}")).isInstanceOf(DecodeException.class);
    }

    @Test
    @DisplayName("decimal() reads integers and decimals alike, and refuses text")
    void decimalField() {
        JsonObject json = ExactJson.parseObject("{\"i\":20,\"d\":17.50,\"s\":\"17.5\"}");

        assertThat(ExactJson.decimal(json, "i")).isEqualByComparingTo("20");
        assertThat(ExactJson.decimal(json, "d")).isEqualTo(new BigDecimal("17.50"));
        assertThat(ExactJson.decimal(json, "missing")).isNull();
        assertThatThrownBy(() -> ExactJson.decimal(json, "s")).isInstanceOf(DecodeException.class);
    }
}
