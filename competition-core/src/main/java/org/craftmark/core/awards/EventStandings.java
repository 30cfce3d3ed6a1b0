package org.craftmark.core.awards;

import java.util.List;
import java.util.Objects;

/** An event's facts and its ranked entries (DQ and DNS entries are not ranked and not listed). */
public record EventStandings(EventFacts event, List<RankedEntry> entries) {
    public EventStandings {
        Objects.requireNonNull(event, "event");
        entries = List.copyOf(entries);
    }
}
