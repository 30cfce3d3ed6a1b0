package org.craftmark.judge.sdk;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {
    private static final Backoff BACKOFF = Backoff.DEFAULT;

    @Test
    @DisplayName("the wait doubles from 0.5 s per failure and stops at 30 s")
    void doublesUpToTheCap() {
        assertThat(IntStream.rangeClosed(0, 8).mapToObj(BACKOFF::ceiling).toList()).containsExactly(
                Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(8), Duration.ofSeconds(16), Duration.ofSeconds(30), Duration.ofSeconds(30),
                Duration.ofSeconds(30));
    }

    @Test
    @DisplayName("jitter takes off up to half: a random 0 waits the whole ceiling, nearly 1 about half of it")
    void jitterTakesOffUpToHalf() {
        assertThat(BACKOFF.delay(3, 0.0)).isEqualTo(Duration.ofSeconds(4));
        assertThat(BACKOFF.delay(3, 0.5)).isEqualTo(Duration.ofSeconds(3));
        assertThat(BACKOFF.delay(3, 0.999_999)).isBetween(Duration.ofSeconds(2), Duration.ofMillis(2001));
        assertThat(BACKOFF.delay(20, 0.5)).isEqualTo(Duration.ofMillis(22_500));
    }

    @Test
    @DisplayName("any number of failures, even absurd ones, stays within [max/2, max]")
    void noOverflow() {
        assertThat(BACKOFF.delay(Integer.MAX_VALUE, 0.25)).isEqualTo(Duration.ofMillis(26_250));
        assertThat(BACKOFF.ceiling(-1)).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    @DisplayName("without jitter the schedule is exact")
    void noJitter() {
        Backoff exact = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), 0);

        assertThat(IntStream.range(0, 6).mapToObj(n -> exact.delay(n, 0.9)).toList()).containsExactly(
                Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800),
                Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    @Test
    @DisplayName("nonsense settings are refused")
    void validates() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), 0.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 0.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(2), 1.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(2), Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
