package org.craftmark.judge.sdk;

import java.io.Serial;
import java.time.Duration;

/**
 * The server answered a request with an error status: a wrong password, a refused ticket, a server
 * that is starting up. {@link #permanent()} tells whether retrying can help.
 */
public final class RequestRefusedException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient ApiError error;
    private final transient Duration retryAfter;
    private final boolean permanent;

    RequestRefusedException(String request, int status, ApiError error, Duration retryAfter, boolean permanent) {
        super(request + " answered HTTP " + status + (error.code().isEmpty() ? "" : ": " + error.describe()));
        this.status = status;
        this.error = error;
        this.retryAfter = retryAfter;
        this.permanent = permanent;
    }

    /** The HTTP status, e.g. 401. */
    public int status() {
        return status;
    }

    /** The contract's error body; empty fields when the server sent none. */
    public ApiError error() {
        return error;
    }

    /** The server's {@code Retry-After}, e.g. after too many failed sign-ins; null when it sent none. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** True when retrying the same request cannot succeed (e.g. wrong credentials). */
    public boolean permanent() {
        return permanent;
    }
}
