package org.craftmark.judge.sdk;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A mark as the judge enters it: for one entry (competitor) of an event, on one criterion of the
 * marking scheme. The value is an exact decimal; whether it is a valid mark for the criterion is the
 * server's call (the answer comes back as an {@link Ack}).
 *
 * @param eventId   the event (竞赛项目)
 * @param entryId   the entry being marked
 * @param criterion the criterion's code, e.g. {@code B1}
 * @param value     the mark, e.g. {@code 17.5}
 */
public record MarkDraft(long eventId, long entryId, String criterion, BigDecimal value) {
    public MarkDraft {
        if (eventId <= 0 || entryId <= 0) {
            throw new IllegalArgumentException("eventId and entryId are positive server ids");
        }
        if (criterion == null || criterion.isBlank()) {
            throw new IllegalArgumentException("a mark needs a criterion code");
        }
        Objects.requireNonNull(value, "value");
    }

    /** A draft from the value as typed, e.g. {@code "17.5"}: never through a double. */
    public static MarkDraft of(long eventId, long entryId, String criterion, String value) {
        return new MarkDraft(eventId, entryId, criterion, new BigDecimal(value.strip()));
    }

    /** For people: {@code event 3, entry 17, B1 = 17.5}. */
    public String describe() {
        return "event " + eventId + ", entry " + entryId + ", " + criterion + " = " + value.toPlainString();
    }
}
