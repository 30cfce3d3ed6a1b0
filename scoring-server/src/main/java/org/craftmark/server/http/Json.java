package org.craftmark.server.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Reading and writing JSON the way the contract wants numbers: marks and totals are exact decimals,
 * so request bodies are parsed with every fractional number as {@link BigDecimal} (Vert.x's own
 * decoder would give binary doubles), and decimals are written with at most two places.
 */
public final class Json {
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private Json() {
    }

    /** Parses a body that must be one JSON object; anything else is 400 MALFORMED. */
    public static JsonObject parseObject(Buffer body) {
        if (body == null || body.length() == 0) {
            throw ApiException.malformed("The request body must be a JSON object.", List.of());
        }
        // Jackson reads the bytes as strict UTF-8: decoding to a String first would silently turn
        // invalid bytes into U+FFFD and store them.
        byte[] utf8 = body.getBytes();
        return parse(() -> STRICT.createParser(utf8));
    }

    public static JsonObject parseObject(String text) {
        return parse(() -> STRICT.createParser(text));
    }

    private interface Source {
        JsonParser open() throws IOException;
    }

    @SuppressWarnings("unchecked")
    private static JsonObject parse(Source source) {
        try (JsonParser parser = source.open()) {
            Object value = STRICT.readValue(parser, Object.class);
            if (value instanceof Map<?, ?> map) {
                return new JsonObject((Map<String, Object>) map);
            }
        } catch (IOException e) {
            throw ApiException.malformed("The request body is not valid JSON" + where(e) + ".", List.of());
        }
        throw ApiException.malformed("The request body must be a JSON object.", List.of());
    }

    /** A mark or total for the wire: at most two decimals, no exponent, no trailing zeros. */
    public static BigDecimal decimal(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static String where(IOException e) {
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe && jpe.getLocation() != null) {
            return " (line " + jpe.getLocation().getLineNr() + ", column " + jpe.getLocation().getColumnNr() + ")";
        }
        return "";
    }
}
