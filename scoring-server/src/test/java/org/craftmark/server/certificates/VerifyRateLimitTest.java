package org.craftmark.server.certificates;

import org.craftmark.server.testing.OnH2;
import org.craftmark.server.testing.Api;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The public verify endpoint allows 30 requests per 10 s per client; the 31st is 429 with Retry-After. */
@DisplayName("Verification is rate-limited")
class VerifyRateLimitTest extends OnH2 {

    @Test
    void theThirtyFirstRequestWithinTenSecondsIs429() {
        List<Integer> statuses = new ArrayList<>();
        Api.Response last = null;
        for (int i = 0; i < CertificateHandlers.VERIFY_LIMIT + 1; i++) {
            last = server.api().get("/api/v1/verify/" + String.format("S000111010001263%06d", i + 1), null);
            statuses.add(last.status());
        }

        assertThat(statuses.subList(0, CertificateHandlers.VERIFY_LIMIT)).as("unknown numbers, within the limit").containsOnly(404);
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.errorCode()).isEqualTo("RATE_LIMITED");
        assertThat(Integer.parseInt(last.header("Retry-After"))).isBetween(1, 11);
    }
}
