package org.craftmark.core.marking;

import java.util.Map;

/**
 * The judges seated on an event's panel and what each seat covers. Only marks of judges whose seat
 * covers the criterion count: a judge taken off a criterion (or off the panel) keeps the marks in
 * history, but they stop counting.
 */
public record Panel(Map<Long, SeatCoverage> seats) {
    public Panel {
        seats = Map.copyOf(seats);
    }

    /** Whether a mark by {@code judgeId} on {@code criterion} counts towards the criterion's result. */
    public boolean counts(long judgeId, String criterion) {
        SeatCoverage coverage = seats.get(judgeId);
        return coverage != null && coverage.covers(criterion);
    }
}
