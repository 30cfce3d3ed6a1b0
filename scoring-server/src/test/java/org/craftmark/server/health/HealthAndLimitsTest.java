package org.craftmark.server.health;

import org.craftmark.server.testing.Api;
import org.craftmark.server.testing.OnEveryBackend;
import org.craftmark.server.testing.TestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Health, metrics and request limits")
class HealthAndLimitsTest extends OnEveryBackend {

    @Test
    void healthIsUpWhenTheDatabaseAnswers() {
        Api.Response health = api.get("/health", null);

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().getString("status")).isEqualTo("UP");
        assertThat(health.json().getString("db")).isEqualTo("UP");
    }

    @Test
    void metricsArePrometheusTextWithJvmHttpAndPoolFigures() {
        api.get("/health", null);

        Api.Response metrics = api.get("/metrics", null);

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.header("Content-Type")).startsWith("text/plain");
        assertThat(metrics.body())
                .contains("# TYPE jvm_memory_used_bytes gauge")
                .contains("vertx_http_server_requests_total")
                .contains("hikaricp_connections");
    }

    @Test
    void aBodyOverOneMebibyteIs413TooLarge() {
        String big = "{\"username\":\"" + "a".repeat(1024 * 1024) + "\",\"password\":\"x\"}";

        Api.Response refused = api.postRaw("/api/v1/auth/login", big, "application/json", null);

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.errorCode()).isEqualTo("TOO_LARGE");
    }

    @Test
    void anUnknownPathIs404WithTheErrorShape() {
        Api.Response missing = api.get("/api/v1/nothing-here", null);

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorCode()).isEqualTo("NOT_FOUND");
    }

    @Test
    void anUnsupportedMethodGetsTheErrorShapeToo() {
        Api.Response wrongMethod = api.get("/api/v1/auth/login", null);

        assertThat(wrongMethod.status()).isIn(404, 405);
        assertThat(wrongMethod.errorCode()).isEqualTo("NOT_FOUND");
    }
}
