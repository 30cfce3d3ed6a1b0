package org.craftmark.server.http;

import io.vertx.ext.web.RoutingContext;

/** Server ids in paths are positive integers; anything else names nothing, so it is 404. */
public final class PathParams {
    private PathParams() {
    }

    public static long id(RoutingContext ctx, String name) {
        String raw = ctx.pathParam(name);
        try {
            long id = Long.parseLong(raw);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // Falls through to 404: "abc" is no id of ours.
        }
        throw ApiException.notFound("The resource " + ctx.normalizedPath());
    }
}
