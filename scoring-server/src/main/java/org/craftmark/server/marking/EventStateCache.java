package org.craftmark.server.marking;

import org.craftmark.server.http.ApiException;
import org.craftmark.server.store.ContestStore.StoredContest;
import org.craftmark.server.store.EntryStore.StoredEntry;
import org.craftmark.server.store.EventStore.LockedEvent;
import org.craftmark.server.store.EventStore.StoredEvent;
import org.craftmark.server.store.PanelStore.PanelSeat;
import org.craftmark.server.store.Stores;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a mark is checked against that changes seldom — an event's scheme, seats, entries with their
 * competitors, and its contest — kept across group commits, each copy tagged with the event's
 * {@code revision}. Every store change to that state moves the revision in its own transaction
 * (whichever node makes it), and a group reads the revision from the event row it has just locked:
 * an equal revision means nothing changed since the copy was read, a different one reloads it
 * inside the group's transaction. Because the group locks its events before its first plain read,
 * what it reloads is the state as of that revision (a change still in flight has not moved the
 * revision yet, and cannot until the group commits). See docs/decisions.md.
 */
final class EventStateCache {

    /** One event's state as of {@code revision}. {@code event.locked()} is not used: the lock is read fresh. */
    record EventState(long revision, StoredEvent event, StoredContest contest, Map<Long, StoredEntry> entries,
                      Map<Long, PanelSeat> seats) {

        Optional<StoredEntry> entry(long entryId) {
            return Optional.ofNullable(entries.get(entryId));
        }

        Optional<PanelSeat> seat(long judgeId) {
            return Optional.ofNullable(seats.get(judgeId));
        }
    }

    private final Map<Long, EventState> states = new ConcurrentHashMap<>();
    /** How many times a state was read from the database: tests check that a change is seen. */
    private volatile long loads;

    /** The event's state as of the revision of {@code locked}, reading it through {@code tx} if it moved. */
    EventState stateOf(Stores tx, LockedEvent locked) {
        EventState known = states.get(locked.id());
        if (known != null && known.revision() == locked.revision()) {
            return known;
        }
        EventState loaded = load(tx, locked);
        states.put(locked.id(), loaded);
        return loaded;
    }

    long loads() {
        return loads;
    }

    /** The copy held for the event, as the last group checked its marks against it. */
    Optional<EventState> known(long eventId) {
        return Optional.ofNullable(states.get(eventId));
    }

    private EventState load(Stores tx, LockedEvent locked) {
        loads++;
        StoredEvent event = tx.events().find(locked.id()).orElseThrow(() -> ApiException.notFound("Event " + locked.id()));
        StoredContest contest = tx.contests().find(event.contestId()).orElseThrow();
        Map<Long, StoredEntry> entries = tx.entries().ofEvent(event.id()).stream()
                .collect(Collectors.toUnmodifiableMap(StoredEntry::id, Function.identity()));
        Map<Long, PanelSeat> seats = tx.panels().ofEvent(event.id()).stream()
                .collect(Collectors.toUnmodifiableMap(PanelSeat::userId, Function.identity()));
        return new EventState(locked.revision(), event, contest, entries, seats);
    }
}
