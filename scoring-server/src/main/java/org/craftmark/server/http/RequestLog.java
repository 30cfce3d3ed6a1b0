package org.craftmark.server.http;

import io.vertx.ext.web.RoutingContext;
import org.craftmark.server.privacy.IdNumberRedaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static net.logstash.logback.argument.StructuredArguments.kv;

/**
 * One structured log line per request: method, route path, status and duration. Never the query
 * string or the body: they may carry tickets or resident ID numbers; the path is redacted, for a
 * person's history is addressed by ID number.
 */
final class RequestLog {
    private static final Logger LOG = LoggerFactory.getLogger("craftmark.http");

    private RequestLog() {
    }

    static void handle(RoutingContext ctx) {
        long started = System.nanoTime();
        ctx.addBodyEndHandler(v -> LOG.info("{} {} {} {}",
                kv("method", ctx.request().method().name()),
                kv("path", IdNumberRedaction.redact(ctx.request().path())),
                kv("status", ctx.response().getStatusCode()),
                kv("ms", (System.nanoTime() - started) / 1_000_000)));
        ctx.next();
    }
}
