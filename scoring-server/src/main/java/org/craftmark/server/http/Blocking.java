package org.craftmark.server.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * Runs a handler's work (which may use JDBC) on a worker thread and writes its reply back on the
 * event loop. Unordered, so one slow request does not hold up the others; concurrency is bounded by
 * the worker pool and the database pool behind it.
 */
public final class Blocking {
    private final Vertx vertx;
    private final WorkLimit limit;

    /** {@code limit} is shared by every event loop's router: it bounds the server's queue, not one loop's. */
    public Blocking(Vertx vertx, WorkLimit limit) {
        this.vertx = vertx;
        this.limit = limit;
    }

    public Blocking(Vertx vertx) {
        this(vertx, new WorkLimit(WorkLimit.DEFAULT_MAX_IN_FLIGHT));
    }

    public Handler<RoutingContext> handler(Function<RoutingContext, Reply> work) {
        return deferred(ctx -> Future.succeededFuture(work.apply(ctx)));
    }

    /**
     * Like {@link #handler}, for work whose reply then waits on something other than a thread (a live
     * frame going out): the worker, and the request's place in the {@link WorkLimit}, are given back
     * as soon as the work hands back its future, so replies waiting on screens never hold the pool
     * that screens are published from.
     */
    public Handler<RoutingContext> deferred(Function<RoutingContext, Future<Reply>> work) {
        return ctx -> {
            if (!limit.tryAcquire()) {
                ErrorResponses.write(ctx, WorkLimit.busy());
                return;
            }
            vertx.<Future<Reply>>executeBlocking(() -> work.apply(ctx), false)
                    .onComplete(done -> limit.release())
                    .compose(reply -> reply)
                    .onSuccess(reply -> write(ctx, reply))
                    .onFailure(ctx::fail);
        };
    }

    /**
     * A file reply: {@code prepare} checks the request and answers the {@link Download} (or fails with
     * the error shape, like any handler); the file is then streamed from the same worker thread.
     */
    public Handler<RoutingContext> download(Function<RoutingContext, Download> prepare) {
        return ctx -> {
            if (!limit.tryAcquire()) {
                ErrorResponses.write(ctx, WorkLimit.busy());
                return;
            }
            stream(ctx, prepare).onComplete(done -> limit.release()).onFailure(ctx::fail);
        };
    }

    private io.vertx.core.Future<Void> stream(RoutingContext ctx, Function<RoutingContext, Download> prepare) {
        return vertx.<Void>executeBlocking(() -> {
            Download download = prepare.apply(ctx);
            HttpServerResponse response = ctx.response()
                    .setStatusCode(200)
                    .setChunked(true)
                    .putHeader("Content-Type", download.contentType())
                    .putHeader("Content-Disposition", attachment(download.fileName()))
                    .putHeader("Cache-Control", "no-store");
            boolean complete = false;
            try (ResponseStream out = new ResponseStream(response)) {
                download.writeTo(out);
                complete = true;
            } finally {
                download.finished(complete);
            }
            response.end();
            return null;
        }, false);
    }

    /** RFC 6266/5987: an ASCII fallback name and the real (possibly Chinese) one. */
    static String attachment(String fileName) {
        String ascii = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
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
