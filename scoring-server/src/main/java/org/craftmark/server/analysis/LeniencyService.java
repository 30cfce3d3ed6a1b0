package org.craftmark.server.analysis;

import org.craftmark.core.marking.Leniency;
import org.craftmark.core.marking.Leniency.JudgeLeniency;
import org.craftmark.core.marking.Leniency.JudgedMark;
import org.craftmark.server.auth.Access;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.http.ApiException;
import org.craftmark.server.results.CountingMarks;
import org.craftmark.server.store.ContestStore.StoredContest;
import org.craftmark.server.store.Database;
import org.craftmark.server.store.EventStore.StoredEvent;
import org.craftmark.server.store.Stores;

import java.util.List;

/** Each judge's leniency on an event (the rule is {@link Leniency}), for the chief judge and organizers. */
public final class LeniencyService {

    /** A judge's leniency with who the judge is. */
    public record JudgeRow(SignedInUser judge, JudgeLeniency leniency) {
    }

    private final Database db;

    public LeniencyService(Database db) {
        this.db = db;
    }

    public List<JudgeRow> of(SignedInUser viewer, long eventId) {
        Stores stores = db.stores();
        StoredEvent event = stores.events().find(eventId).orElseThrow(() -> ApiException.notFound("Event " + eventId));
        StoredContest contest = stores.contests().find(event.contestId()).orElseThrow();
        boolean chief = stores.panels().seatOf(eventId, viewer.id()).filter(s -> s.isChief()).isPresent();
        if (!chief) {
            Access.requireOrganizerOf(viewer, contest.region(), stores.regions().tree());
        }
        List<JudgedMark> marks = CountingMarks.ofEvent(stores, eventId).stream()
                .map(m -> new JudgedMark(m.judgeUserId(), m.entryId(), event.scheme().criterion(m.criterion()).orElseThrow(), m.value()))
                .toList();
        return Leniency.of(marks).stream()
                .map(l -> new JudgeRow(stores.users().findById(l.judgeId()).orElseThrow(), l))
                .toList();
    }
}
