package org.craftmark.core.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.craftmark.core.common.Problem;
import org.craftmark.core.common.RuleViolation;

/**
 * The 公示 period after publication: results are public and appeals may be filed until
 * {@code noticeEndsAt = publishedAt + noticeDays} days. Days are whole 24-hour days of UTC time, so
 * the end is the same instant wherever it is read.
 */
public record NoticePeriod(Instant publishedAt, int noticeDays) {
    public static final int DEFAULT_DAYS = 5;
    public static final int MAX_DAYS = 30;

    public NoticePeriod {
        Objects.requireNonNull(publishedAt, "publishedAt");
        RuleViolation.throwIfAny(daysProblems(noticeDays));
    }

    /** {@code noticeDays} must be 0–30. */
    public static List<Problem> daysProblems(int noticeDays) {
        return noticeDays >= 0 && noticeDays <= MAX_DAYS
                ? List.of()
                : List.of(new Problem("noticeDays", "must be between 0 and " + MAX_DAYS));
    }

    public Instant endsAt() {
        return publishedAt.plus(Duration.ofDays(noticeDays));
    }

    /** Appeals may be filed strictly before the end. */
    public boolean acceptsAppeals(Instant now) {
        return now.isBefore(endsAt());
    }

    /** Finalizing may happen from the end on (now ≥ noticeEndsAt). */
    public boolean isOver(Instant now) {
        return !now.isBefore(endsAt());
    }
}
