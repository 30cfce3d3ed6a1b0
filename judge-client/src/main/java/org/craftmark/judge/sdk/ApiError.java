package org.craftmark.judge.sdk;

import org.craftmark.core.common.Problem;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The contract's error object: a code such as {@code EVENT_LOCKED} or {@code VALIDATION_FAILED}, a
 * message for people and the fields at fault.
 */
public record ApiError(String code, String message, List<Problem> details) {
    public ApiError {
        code = code == null ? "" : code;
        message = message == null ? "" : message;
        details = details == null ? List.of() : List.copyOf(details);
    }

    /** For people: {@code VALIDATION_FAILED: Invalid mark (value: must be at most 20)}. */
    public String describe() {
        String text = code + ": " + message;
        if (details.isEmpty()) {
            return text;
        }
        return text + details.stream()
                .map(detail -> detail.field() + ": " + detail.problem())
                .collect(Collectors.joining("; ", " (", ")"));
    }
}
