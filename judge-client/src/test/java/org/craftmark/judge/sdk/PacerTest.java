package org.craftmark.judge.sdk;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PacerTest {
    private final AtomicLong nanos = new AtomicLong(5_000_000_000L);
    private final Pacer pacer = new Pacer(20, nanos::get);

    @Test
    @DisplayName("the first frame goes at once, each next one 1/rate after the last")
    void spacesFramesEvenly() {
        assertThat(pacer.waitBeforeNext()).isZero();
        pacer.sent();

        assertThat(pacer.waitBeforeNext()).isEqualTo(Duration.ofMillis(50));
        advance(Duration.ofMillis(30));
        assertThat(pacer.waitBeforeNext()).isEqualTo(Duration.ofMillis(20));
        advance(Duration.ofMillis(20));
        assertThat(pacer.waitBeforeNext()).isZero();
    }

    @Test
    @DisplayName("a sender that always waits as told sends the rate per second, never more")
    void neverMoreThanTheRateInOneSecond() {
        long start = nanos.get();
        int sent = 0;
        while (nanos.get() - start < Duration.ofSeconds(1).toNanos()) {
            Duration wait = pacer.waitBeforeNext();
            if (wait.isZero()) {
                pacer.sent();
                sent++;
            } else {
                advance(wait);
            }
        }
        assertThat(sent).isEqualTo(20);
    }

    @Test
    @DisplayName("after a quiet spell the next frame goes at once")
    void quietSpell() {
        pacer.sent();
        advance(Duration.ofMinutes(5));

        assertThat(pacer.waitBeforeNext()).isZero();
    }

    @Test
    @DisplayName("a rate below one frame per second is refused")
    void validates() {
        assertThatThrownBy(() -> new Pacer(0, nanos::get)).isInstanceOf(IllegalArgumentException.class);
    }

    private void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }
}
