package org.craftmark.server.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.craftmark.core.common.Problem;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads the fields of a request body and collects everything wrong with them, so the client hears
 * about every bad field at once. Wrong JSON types make the request {@code MALFORMED}; missing or
 * out-of-range values make it {@code VALIDATION_FAILED}. Call {@link #check()} before using results.
 */
public final class JsonInput {
    private final JsonObject json;
    private final String prefix;
    private final List<Problem> wrongTypes;
    private final List<Problem> invalid;

    private JsonInput(JsonObject json, String prefix, List<Problem> wrongTypes, List<Problem> invalid) {
        this.json = json;
        this.prefix = prefix;
        this.wrongTypes = wrongTypes;
        this.invalid = invalid;
    }

    public static JsonInput of(JsonObject json) {
        return new JsonInput(json, "", new ArrayList<>(), new ArrayList<>());
    }

    /** Reads a nested object; problems are named {@code parent.child} and reported with the parent's. */
    public JsonInput object(String field) {
        Object value = json.getValue(field);
        if (value instanceof JsonObject nested) {
            return new JsonInput(nested, prefix + field + ".", wrongTypes, invalid);
        }
        if (value == null) {
            invalid(field, "is required");
        } else {
            wrongType(field, "must be an object");
        }
        return new JsonInput(new JsonObject(), prefix + field + ".", wrongTypes, invalid);
    }

    /**
     * Reads an array of objects, each with problems named {@code field[i].child}; absent is an empty
     * list (and a problem when {@code required}).
     */
    public List<JsonInput> objects(String field, boolean required, int maxItems) {
        JsonArray array = optionalArray(field);
        if (array == null) {
            if (required && isAbsent(field)) {
                invalid(field, "is required");
            }
            return List.of();
        }
        if (array.size() > maxItems) {
            invalid(field, "must have at most " + maxItems + " items");
            return List.of();
        }
        List<JsonInput> items = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (array.getValue(i) instanceof JsonObject item) {
                items.add(new JsonInput(item, prefix + field + "[" + i + "].", wrongTypes, invalid));
            } else {
                wrongType(field + "[" + i + "]", "must be an object");
            }
        }
        return items;
    }

    /** Reads an array of strings; absent is an empty list. */
    public List<String> strings(String field, int maxItems, int maxLength) {
        JsonArray array = optionalArray(field);
        if (array == null) {
            return List.of();
        }
        if (array.size() > maxItems) {
            invalid(field, "must have at most " + maxItems + " items");
            return List.of();
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (array.getValue(i) instanceof String text && text.length() <= maxLength) {
                items.add(text);
            } else if (array.getValue(i) instanceof String) {
                invalid(field + "[" + i + "]", "must be at most " + maxLength + " characters");
            } else {
                wrongType(field + "[" + i + "]", "must be a string");
            }
        }
        return items;
    }

    public String requiredString(String field, int maxLength) {
        String value = optionalString(field, maxLength);
        if (value == null && isAbsent(field)) {
            invalid(field, "is required");
        }
        return value;
    }

    /** A trimmed string, or null when absent; blank counts as missing. */
    public String optionalString(String field, int maxLength) {
        Object value = json.getValue(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            wrongType(field, "must be a string");
            return null;
        }
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            invalid(field, "must not be blank");
            return null;
        }
        if (trimmed.codePointCount(0, trimmed.length()) > maxLength) {
            invalid(field, "must be at most " + maxLength + " characters");
            return null;
        }
        return trimmed;
    }

    /** Like {@link #optionalString} but an empty or blank string is kept as {@code ""}: "clear this field". */
    public String clearableString(String field, int maxLength) {
        Object value = json.getValue(field);
        if (value instanceof String text && text.isBlank()) {
            return "";
        }
        return optionalString(field, maxLength);
    }

    /** true or false, or null when absent. */
    public Boolean optionalBoolean(String field) {
        Object value = json.getValue(field);
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        wrongType(field, "must be true or false");
        return null;
    }

    public <E extends Enum<E>> E requiredEnum(String field, Class<E> type) {
        E value = optionalEnum(field, type);
        if (value == null && isAbsent(field)) {
            invalid(field, "is required (one of " + choices(type) + ")");
        }
        return value;
    }

    public <E extends Enum<E>> E optionalEnum(String field, Class<E> type) {
        Object value = json.getValue(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            wrongType(field, "must be a string, one of " + choices(type));
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        invalid(field, "must be one of " + choices(type));
        return null;
    }

    public Long requiredLong(String field, long min, long max) {
        Long value = optionalLong(field, min, max);
        if (value == null && isAbsent(field)) {
            invalid(field, "is required");
        }
        return value;
    }

    public Long optionalLong(String field, long min, long max) {
        Object value = json.getValue(field);
        if (value == null) {
            return null;
        }
        BigDecimal number = asWholeNumber(field, value);
        if (number == null) {
            return null;
        }
        if (number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
            invalid(field, "must be between " + min + " and " + max);
            return null;
        }
        return number.longValueExact();
    }

    /** An exact decimal; range and scale are the rulebook's to check. */
    public BigDecimal optionalDecimal(String field) {
        Object value = json.getValue(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Number number)) {
            wrongType(field, "must be a number");
            return null;
        }
        return toBigDecimal(number);
    }

    public BigDecimal requiredDecimal(String field) {
        BigDecimal value = optionalDecimal(field);
        if (value == null && isAbsent(field)) {
            invalid(field, "is required");
        }
        return value;
    }

    /** An array, or null when absent; elements are the caller's to read. */
    public JsonArray optionalArray(String field) {
        Object value = json.getValue(field);
        if (value == null) {
            return null;
        }
        if (value instanceof JsonArray array) {
            return array;
        }
        wrongType(field, "must be an array");
        return null;
    }

    /** The object's field names, in the order sent: for objects keyed by an enum (award tiers). */
    public List<String> fieldNames() {
        return List.copyOf(json.fieldNames());
    }

    /** A field's name read as one of an enum's constants; unknown names are reported. */
    public <E extends Enum<E>> E enumKey(String name, Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        invalid(name, "is not one of " + choices(type));
        return null;
    }

    /** Reports every field not among those named: a misspelt amount must not be silently ignored. */
    public void onlyFields(String... allowed) {
        List<String> known = List.of(allowed);
        json.fieldNames().stream().filter(name -> !known.contains(name)).sorted()
                .forEach(name -> invalid(name, "is not a known field (" + String.join(", ", known) + ")"));
    }

    public boolean isAbsent(String field) {
        return json.getValue(field) == null;
    }

    /** Reports a rule broken by a value that had the right type. */
    public void invalid(String field, String problem) {
        invalid.add(new Problem(prefix + field, problem));
    }

    public void invalid(List<Problem> problems) {
        problems.forEach(p -> invalid.add(p.under(prefix)));
    }

    public void wrongType(String field, String problem) {
        wrongTypes.add(new Problem(prefix + field, problem));
    }

    /** Throws 400 when anything was wrong: MALFORMED for wrong types, else VALIDATION_FAILED. */
    public void check() {
        if (!wrongTypes.isEmpty()) {
            List<Problem> all = new ArrayList<>(wrongTypes);
            all.addAll(invalid);
            throw ApiException.malformed("The request has fields of the wrong type: " + wrongTypes.getFirst().field() + " " + wrongTypes.getFirst().problem(), all);
        }
        if (!invalid.isEmpty()) {
            throw ApiException.validationFailed(invalid);
        }
    }

    private BigDecimal asWholeNumber(String field, Object value) {
        if (!(value instanceof Number number)) {
            wrongType(field, "must be a whole number");
            return null;
        }
        BigDecimal decimal = toBigDecimal(number);
        if (decimal.stripTrailingZeros().scale() > 0) {
            wrongType(field, "must be a whole number");
            return null;
        }
        return decimal;
    }

    static BigDecimal toBigDecimal(Number number) {
        return switch (number) {
            case BigDecimal d -> d;
            case BigInteger i -> new BigDecimal(i);
            case Integer i -> BigDecimal.valueOf(i);
            case Long l -> BigDecimal.valueOf(l);
            case Short s -> BigDecimal.valueOf(s);
            case Byte b -> BigDecimal.valueOf(b);
            // Only reachable for bodies not parsed by Json; Double.toString gives the shortest literal.
            default -> new BigDecimal(number.toString());
        };
    }

    private static <E extends Enum<E>> String choices(Class<E> type) {
        return String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()).toUpperCase(Locale.ROOT);
    }
}
