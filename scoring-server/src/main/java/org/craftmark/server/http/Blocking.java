package org.craftmark.server.http;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

import java.util.function.Function;

/**
 * Runs a handler's work (which may use JDBC) on a worker thread and writes its reply back on the
 * event loop. Unordered, so one slow request does not hold up the others; concurrency is bounded by
 * the worker pool and the database pool behind it.
 */
public final class Blocking {
    private final Vertx vertx;

    public Blocking(Vertx vertx) {
        this.vertx = vertx;
    }

    public Handler<RoutingContext> handler(Function<RoutingContext, Reply> work) {
        return ctx -> vertx.<Reply>executeBlocking(() -> work.apply(ctx), false)
                .onSuccess(reply -> write(ctx, reply))
                .onFailure(ctx::fail);
    }

    private static void write(RoutingContext ctx, Reply reply) {
        if (ctx.response().closed()) {
            return;
        }
        ctx.response().setStatusCode(reply.status());
        if (reply.body() == null) {
            ctx.response().end();
        } else {
            ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").end(reply.body().encode());
        }
    }
}
