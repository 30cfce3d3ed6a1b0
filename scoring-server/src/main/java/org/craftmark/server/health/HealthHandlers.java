package org.craftmark.server.health;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.PrometheusScrapingHandler;

import java.util.function.BooleanSupplier;

/** {@code GET /health} (is the database answering?) and {@code GET /metrics} (Prometheus text). */
public final class HealthHandlers {
    private final Vertx vertx;
    private final BooleanSupplier databaseUp;
    private final PrometheusMeterRegistry registry;

    /** {@code databaseUp} blocks; it runs on a worker thread. */
    public HealthHandlers(Vertx vertx, BooleanSupplier databaseUp, PrometheusMeterRegistry registry) {
        this.vertx = vertx;
        this.databaseUp = databaseUp;
        this.registry = registry;
    }

    public void mount(Router router) {
        router.get("/health").handler(this::health);
        router.get("/metrics").handler(PrometheusScrapingHandler.create(registry));
    }

    private void health(RoutingContext ctx) {
        vertx.executeBlocking(databaseUp::getAsBoolean, false).onComplete(result -> {
            boolean up = result.succeeded() && result.result();
            String state = up ? "UP" : "DOWN";
            ctx.response()
                    .setStatusCode(up ? 200 : 503)
                    .putHeader("Content-Type", "application/json; charset=utf-8")
                    .putHeader("Cache-Control", "no-store")
                    .end(new JsonObject().put("status", state).put("db", state).encode());
        });
    }
}
