package org.craftmark.judge.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that moves one second each time it is read: every mark gets its own, predictable time. */
final class SteppingClock extends Clock {
    private Instant now;

    SteppingClock(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Instant instant() {
        Instant read = now;
        now = now.plus(Duration.ofSeconds(1));
        return read;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }
}
