package org.craftmark.server.http;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Headers on every answer that keep browsers from second-guessing our content types, framing our
 * pages or leaking addresses. The pages are plain files with no inline script or style attribute,
 * so the policy can allow this origin's files only: an injected {@code <script>} or
 * {@code onerror=} would not run even if some text ever slipped past escaping.
 * No {@code Access-Control-Allow-*} header is ever sent: CORS stays closed, and a preflight from
 * another origin is not granted.
 */
final class SecurityHeaders {
    /** {@code connect-src 'self'} covers this host's {@code ws:}/{@code wss:} too (CSP Level 3). */
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self'",
            "connect-src 'self'",
            "font-src 'self'",
            "worker-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    private SecurityHeaders() {
    }

    static void handle(RoutingContext ctx) {
        apply(ctx.response());
        ctx.next();
    }

    /** The same headers on an answer written outside the router (a refused WebSocket upgrade). */
    static void apply(HttpServerResponse response) {
        response
                .putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .putHeader("X-Content-Type-Options", "nosniff")
                // frame-ancestors is the rule; X-Frame-Options for browsers that predate it.
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("Referrer-Policy", "no-referrer");
    }
}
