package org.craftmark.server.marking;

import java.math.BigDecimal;

/** A mark as a tablet sends it; {@code clientMarkId} names it for good (idempotency). */
public record MarkSubmission(String clientMarkId, long eventId, long entryId, String criterion, BigDecimal value, String deviceId) {

    /** Same mark, as far as idempotency goes: the device it was sent from does not matter. */
    boolean sameContentAs(long otherEvent, long otherEntry, String otherCriterion, BigDecimal otherValue) {
        return eventId == otherEvent && entryId == otherEntry && criterion.equals(otherCriterion) && value.compareTo(otherValue) == 0;
    }
}
