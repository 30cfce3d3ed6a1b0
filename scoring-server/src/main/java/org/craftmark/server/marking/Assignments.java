package org.craftmark.server.marking;

import org.craftmark.core.contest.EntryStatus;
import org.craftmark.core.marking.ConflictOfInterest;
import org.craftmark.core.marking.Criterion;
import org.craftmark.core.pipeline.ContestStatus;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.store.ContestStore.StoredContest;
import org.craftmark.server.store.Database;
import org.craftmark.server.store.EntryStore.Member;
import org.craftmark.server.store.EntryStore.StoredEntry;
import org.craftmark.server.store.EventStore.StoredEvent;
import org.craftmark.server.store.PanelStore.PanelSeat;
import org.craftmark.server.store.Stores;

import java.util.ArrayList;
import java.util.List;

/** What a judge is to mark: per event on their panels, their criteria and the entries they may mark. */
public final class Assignments {

    /** One event's assignment; {@code panelRole} is JUDGE or CHIEF (the chief's tablet links to the chief's desk). */
    public record EventAssignment(StoredEvent event, StoredContest contest, String panelRole, List<Criterion> criteria,
                                  List<StoredEntry> entries) {
    }

    private final Database db;

    public Assignments(Database db) {
        this.db = db;
    }

    /** Events of contests not yet FINAL; ACTIVE entries only, and none the judge is in conflict with. */
    public List<EventAssignment> of(SignedInUser judge) {
        Stores stores = db.stores();
        List<EventAssignment> assignments = new ArrayList<>();
        for (PanelSeat seat : stores.panels().ofJudge(judge.id())) {
            StoredEvent event = stores.events().find(seat.eventId()).orElseThrow();
            StoredContest contest = stores.contests().find(event.contestId()).orElseThrow();
            if (contest.status() == ContestStatus.FINAL) {
                continue;
            }
            List<Criterion> criteria = event.scheme().criteria().stream()
                    .filter(c -> seat.marks(c.code())).toList();
            List<StoredEntry> entries = stores.entries().ofEvent(event.id()).stream()
                    .filter(e -> e.status() == EntryStatus.ACTIVE)
                    .filter(e -> !ConflictOfInterest.exists(judge.affiliation(), unitsOf(e)))
                    .toList();
            assignments.add(new EventAssignment(event, contest, seat.panelRole(), criteria, entries));
        }
        return assignments;
    }

    /** Every employer and training unit of the entry's members: what conflicts of interest compare. */
    public static List<String> unitsOf(StoredEntry entry) {
        List<String> units = new ArrayList<>();
        for (Member m : entry.members()) {
            units.add(m.employer());
            units.add(m.trainingUnit());
        }
        return units;
    }
}
