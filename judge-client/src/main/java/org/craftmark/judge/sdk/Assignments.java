package org.craftmark.judge.sdk;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * What this judge marks, as the server answers {@code hello}: per event, the criteria assigned to the
 * judge on its panel and the entries to mark (those the judge is in conflict with are left out).
 * Fields the contract does not require are null when the server leaves them out.
 */
public record Assignments(List<Event> events) implements ServerMessage {
    public Assignments {
        events = List.copyOf(events);
    }

    public Optional<Event> event(long eventId) {
        return events.stream().filter(event -> event.eventId() == eventId).findFirst();
    }

    /** One event (竞赛项目) the judge sits on. */
    public record Event(long eventId, Long contestId, String occupationName, boolean locked,
                        List<Criterion> criteria, List<Entry> entries) {
        public Event {
            criteria = List.copyOf(criteria);
            entries = List.copyOf(entries);
        }
    }

    /** A criterion of the marking scheme assigned to this judge. */
    public record Criterion(String code, String module, String name, String kind, BigDecimal maxMark,
                            String method, Integer judges) {
    }

    /** An entry (competitor) to mark, known on the floor by its bib (检录号). */
    public record Entry(long entryId, String bib) {
    }
}
