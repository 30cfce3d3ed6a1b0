package org.craftmark.server.http;

import org.craftmark.core.common.Problem;

import java.time.Duration;
import java.util.List;

/**
 * A failure the client caused or may retry, carrying exactly what the contract's error shape says:
 * HTTP status, code, a message for people and the fields at fault. Services throw it; the failure
 * handler in {@link ErrorResponses} writes it.
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final transient List<Problem> details;
    private final Duration retryAfter;

    private ApiException(int status, String code, String message, List<Problem> details, Duration retryAfter) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.details = List.copyOf(details);
        this.retryAfter = retryAfter;
    }

    public static ApiException malformed(String message, List<Problem> details) {
        return new ApiException(400, "MALFORMED", message, details, null);
    }

    public static ApiException validationFailed(List<Problem> details) {
        String message = details.isEmpty() ? "The request is invalid." : "The request is invalid: " + details.getFirst().field() + " " + details.getFirst().problem();
        return new ApiException(400, "VALIDATION_FAILED", message, details, null);
    }

    public static ApiException unauthenticated(String message) {
        return new ApiException(401, "UNAUTHENTICATED", message, List.of(), null);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, "FORBIDDEN", message, List.of(), null);
    }

    /** 403 for the public asking for an ON_PUBLISH contest's results before publication. */
    public static ApiException resultsNotPublished() {
        return new ApiException(403, "RESULTS_NOT_PUBLISHED", "Results of this contest are shown after publication.", List.of(), null);
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, "NOT_FOUND", what + " was not found.", List.of(), null);
    }

    /** 409 with a specific code such as {@code WRONG_STATE} or {@code DUPLICATE}. */
    public static ApiException conflict(String code, String message, List<Problem> details) {
        return new ApiException(409, code, message, details, null);
    }

    public static ApiException tooLarge(String message) {
        return new ApiException(413, "TOO_LARGE", message, List.of(), null);
    }

    public static ApiException rateLimited(String message, Duration retryAfter) {
        return new ApiException(429, "RATE_LIMITED", message, List.of(), retryAfter);
    }

    public static ApiException unavailable(String message) {
        return new ApiException(503, "UNAVAILABLE", message, List.of(), null);
    }

    /** 503 with {@code Retry-After}: the server is too busy now, and says when to come back. */
    public static ApiException unavailable(String message, Duration retryAfter) {
        return new ApiException(503, "UNAVAILABLE", message, List.of(), retryAfter);
    }

    /** Our own bug: 500 with the error shape, and nothing of the cause shown. */
    static ApiException internal() {
        return new ApiException(500, "INTERNAL", "Something went wrong on the server; it has been logged.", List.of(), null);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<Problem> details() {
        return details;
    }

    /** Seconds for the {@code Retry-After} header, rounded up; null when not rate limited. */
    public Long retryAfterSeconds() {
        if (retryAfter == null) {
            return null;
        }
        long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
