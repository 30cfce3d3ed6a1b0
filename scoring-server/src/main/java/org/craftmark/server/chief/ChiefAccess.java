package org.craftmark.server.chief;

import org.craftmark.server.auth.Access;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.http.ApiException;
import org.craftmark.server.store.ContestStore.StoredContest;
import org.craftmark.server.store.EventStore.StoredEvent;
import org.craftmark.server.store.PanelStore.PanelSeat;
import org.craftmark.server.store.Stores;

/** Who may use the chief judge's tools: the event's CHIEF alone acts; the organizer may also look. */
final class ChiefAccess {
    private ChiefAccess() {
    }

    /** The CHIEF of this event's panel; anyone else (other judges, organizers, ADMIN) is 403. */
    static void requireChief(Stores tx, SignedInUser actor, StoredEvent event) {
        if (!isChief(tx, actor, event)) {
            throw ApiException.forbidden("Only the chief judge (裁判长) of event " + event.id() + " may do this.");
        }
    }

    /** The CHIEF of this event, the organizer of its contest's region (or a region containing it), or ADMIN. */
    static void requireChiefOrOrganizer(Stores tx, SignedInUser actor, StoredEvent event, StoredContest contest) {
        if (!isChief(tx, actor, event) && !Access.isOrganizerOf(actor, contest.region(), tx.regions().tree())) {
            throw ApiException.forbidden("Only the chief judge of event " + event.id() + ", its organizer or ADMIN may see this.");
        }
    }

    private static boolean isChief(Stores tx, SignedInUser actor, StoredEvent event) {
        return tx.panels().seatOf(event.id(), actor.id()).filter(PanelSeat::isChief).isPresent();
    }
}
