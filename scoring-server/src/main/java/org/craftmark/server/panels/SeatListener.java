package org.craftmark.server.panels;

/** Told after a judge's seat on an event's panel is committed (seated, changed or removed). */
@FunctionalInterface
public interface SeatListener {
    void seatChanged(long eventId, long judgeUserId);
}
