package org.craftmark.server.http;

import io.vertx.ext.web.RoutingContext;

/** Headers that keep browsers from second-guessing our content types or framing our pages. */
final class SecurityHeaders {
    private SecurityHeaders() {
    }

    static void handle(RoutingContext ctx) {
        ctx.response()
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("Referrer-Policy", "no-referrer");
        ctx.next();
    }
}
