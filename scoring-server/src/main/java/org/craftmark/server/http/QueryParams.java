package org.craftmark.server.http;

import io.vertx.ext.web.RoutingContext;
import org.craftmark.core.common.Problem;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Query parameters: a bad value is 400 VALIDATION_FAILED naming the parameter, never a 500. */
public final class QueryParams {
    private QueryParams() {
    }

    /** The trimmed value, or null when absent or blank. */
    public static String optionalString(RoutingContext ctx, String name, int maxLength) {
        String raw = ctx.queryParams().get(name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.strip();
        if (value.codePointCount(0, value.length()) > maxLength) {
            throw ApiException.validationFailed(List.of(new Problem(name, "must be at most " + maxLength + " characters")));
        }
        return value;
    }

    /** A positive id; absent or anything else is 400 naming the parameter. */
    public static long requiredId(RoutingContext ctx, String name) {
        String value = optionalString(ctx, name, 20);
        if (value == null) {
            throw ApiException.validationFailed(List.of(new Problem(name, "is required")));
        }
        try {
            long id = Long.parseLong(value);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.validationFailed(List.of(new Problem(name, "must be a positive whole number")));
    }

    public static <E extends Enum<E>> E optionalEnum(RoutingContext ctx, String name, Class<E> type) {
        String value = optionalString(ctx, name, 40);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String choices = String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
            throw ApiException.validationFailed(List.of(new Problem(name, "must be one of " + choices)));
        }
    }
}
