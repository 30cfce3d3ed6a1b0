package org.craftmark.server.http;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.craftmark.core.common.Problem;
import org.craftmark.core.common.RuleViolation;
import org.craftmark.server.privacy.IdNumberRedaction;
import org.craftmark.server.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The one place where failures become the contract's error shape
 * {@code {"error":{"code","message","details":[{"field","problem","key","args"}]}}}: {@code key}
 * and {@code args} ({@link ProblemKeys}) let apps translate a problem without reading its English.
 */
public final class ErrorResponses {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

    private ErrorResponses() {
    }

    /** Router failure handler: whatever went wrong, the client gets the error shape. */
    public static void handle(RoutingContext ctx) {
        write(ctx, toApiException(ctx.failure(), ctx.statusCode(), ctx.request().method() + " " + ctx.normalizedPath()));
    }

    /** A failure outside any HTTP request (a WebSocket frame): only ours can be 500. */
    public static ApiException toApiException(Throwable failure, String where) {
        return toApiException(failure, 500, where);
    }

    static ApiException toApiException(Throwable failure, int statusCode, String where) {
        if (failure instanceof ApiException api) {
            return api;
        }
        if (failure instanceof RuleViolation violation) {
            return ApiException.validationFailed(violation.problems());
        }
        if (Database.isUnavailable(failure)) {
            LOG.warn("database unavailable: {}", failure.getMessage());
            return ApiException.unavailable("The database is unavailable or busy; try again shortly.");
        }
        if (failure == null || statusCode != 500 && statusCode != -1) {
            return fromStatus(statusCode);
        }
        LOG.error("unexpected failure on {}", IdNumberRedaction.redact(where), failure);
        return ApiException.internal();
    }

    private static ApiException fromStatus(int status) {
        return switch (status) {
            case 400 -> ApiException.malformed("The request could not be read.", List.of());
            case 401 -> ApiException.unauthenticated("Sign in first.");
            case 403 -> ApiException.forbidden("Not allowed.");
            case 404 -> ApiException.notFound("The resource");
            case 405 -> ApiException.notFound("That method on this resource");
            case 413 -> ApiException.tooLarge("The request body is too large.");
            default -> ApiException.internal();
        };
    }

    public static void write(RoutingContext ctx, ApiException error) {
        write(ctx.request(), error);
    }

    /** The answer to {@code request}, also outside the router (a refused WebSocket upgrade). */
    static void write(HttpServerRequest request, ApiException error) {
        HttpServerResponse response = request.response();
        if (response.headWritten()) {
            request.connection().close();
            return;
        }
        if (error.retryAfterSeconds() != null) {
            response.putHeader("Retry-After", String.valueOf(error.retryAfterSeconds()));
        }
        response.setStatusCode(error.status())
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .end(body(error).encode());
    }

    public static JsonObject body(ApiException error) {
        JsonArray details = new JsonArray();
        for (Problem p : error.details()) {
            ProblemKeys.Keyed keyed = ProblemKeys.of(p.problem());
            details.add(new JsonObject().put("field", p.field()).put("problem", p.problem())
                    .put("key", keyed.key()).put("args", new JsonObject(new java.util.LinkedHashMap<>(keyed.args()))));
        }
        return new JsonObject().put("error", new JsonObject()
                .put("code", error.code())
                .put("message", error.getMessage())
                .put("details", details));
    }
}
