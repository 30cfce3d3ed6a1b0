package org.craftmark.judge.outbox;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * JSON with marks as exact decimals. Vert.x's own decoder reads {@code 17.5} as a binary double and
 * its encoder may write {@code 1E+1}; this one reads every fraction as a {@link BigDecimal} and writes
 * decimals in plain notation, so a mark reaches the disk and the server exactly as the judge typed it.
 */
public final class ExactJson {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private ExactJson() {
    }

    /** Parses one JSON object; anything else (bad JSON, an array, trailing text) is a {@link DecodeException}. */
    public static JsonObject parseObject(String text) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new DecodeException("not a JSON object");
            }
            JsonObject object = readObject(parser);
            if (parser.nextToken() != null) {
                throw new DecodeException("text after the JSON object");
            }
            return object;
        } catch (JsonProcessingException e) {
            throw new DecodeException("not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a String does not fail
        }
    }

    /** Writes a JSON object; decimals in plain notation, never with an exponent. */
    public static String encode(JsonObject object) {
        StringWriter text = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(text)) {
            write(generator, object);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString();
    }

    /** A number field as an exact decimal; null when absent; a {@link DecodeException} when not a number. */
    public static BigDecimal decimal(JsonObject object, String field) {
        Object value = object.getValue(field);
        return switch (value) {
            case null -> null;
            case BigDecimal decimal -> decimal;
            case BigInteger integer -> new BigDecimal(integer);
            case Integer i -> BigDecimal.valueOf(i);
            case Long l -> BigDecimal.valueOf(l);
            // Only reached for objects built in code with a double: keep its decimal text.
            case Number other -> new BigDecimal(other.toString());
            default -> throw new DecodeException(field + " must be a number");
        };
    }

    private static JsonObject readObject(JsonParser parser) throws IOException {
        JsonObject object = new JsonObject();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            object.put(field, readValue(parser, parser.nextToken()));
        }
        return object;
    }

    private static JsonArray readArray(JsonParser parser) throws IOException {
        JsonArray array = new JsonArray();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            array.add(readValue(parser, token));
        }
        return array;
    }

    private static Object readValue(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> readObject(parser);
            case START_ARRAY -> readArray(parser);
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> parser.getNumberValue();
            case VALUE_NUMBER_FLOAT -> parser.getDecimalValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new DecodeException("unexpected " + token);
        };
    }

    private static void write(JsonGenerator generator, Object value) throws IOException {
        switch (value) {
            case null -> generator.writeNull();
            case JsonObject object -> writeObject(generator, object);
            case Map<?, ?> map -> writeObject(generator, new JsonObject(castMap(map)));
            case JsonArray array -> writeArray(generator, array.getList());
            case List<?> list -> writeArray(generator, list);
            case String text -> generator.writeString(text);
            case BigDecimal decimal -> generator.writeNumber(decimal);
            case BigInteger integer -> generator.writeNumber(integer);
            case Double d -> generator.writeNumber(d);
            case Float f -> generator.writeNumber(f);
            case Number integer -> generator.writeNumber(integer.longValue());
            case Boolean flag -> generator.writeBoolean(flag);
            case Enum<?> constant -> generator.writeString(constant.name());
            default -> generator.writeString(value.toString());
        }
    }

    private static void writeObject(JsonGenerator generator, JsonObject object) throws IOException {
        generator.writeStartObject();
        for (Map.Entry<String, Object> field : object) {
            generator.writeFieldName(field.getKey());
            write(generator, field.getValue());
        }
        generator.writeEndObject();
    }

    private static void writeArray(JsonGenerator generator, List<?> values) throws IOException {
        generator.writeStartArray();
        for (Object value : values) {
            write(generator, value);
        }
        generator.writeEndArray();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
