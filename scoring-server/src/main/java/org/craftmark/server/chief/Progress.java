package org.craftmark.server.chief;

import org.craftmark.core.marking.ConflictOfInterest;
import org.craftmark.core.marking.Criterion;
import org.craftmark.core.marking.CriterionResult;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.marking.Assignments;
import org.craftmark.server.results.EventMarking;
import org.craftmark.server.store.EntryStore.StoredEntry;
import org.craftmark.server.store.EventStore.StoredEvent;
import org.craftmark.server.store.PanelStore.PanelSeat;
import org.craftmark.server.store.Stores;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the progress view from the committed marks (the same {@link EventMarking} the lock reads),
 * so "100 %" and "lockable" always agree. Expected marks come from the scheme (entries × criteria ×
 * required judges), not from the panel's size: three judges seated on a SINGLE criterion do not
 * triple what is expected of it.
 */
final class Progress {
    private final Stores tx;
    private final StoredEvent event;
    private final EventMarking marking;
    private final List<StoredEntry> active;
    private final List<PanelSeat> seats;
    private final List<SignedInUser> judges;

    Progress(Stores tx, StoredEvent event) {
        this.tx = tx;
        this.event = event;
        this.marking = EventMarking.read(tx, event);
        this.active = marking.activeEntries();
        this.seats = tx.panels().ofEvent(event.id());
        this.judges = seats.stream().map(s -> tx.users().findById(s.userId()).orElseThrow()).toList();
    }

    ProgressView view(RecheckView recheck) {
        return new ProgressView(event.id(), event.locked(), totals(), judgeRows(), criterionRows(), discrepancies(),
                shortOfJudges(), recheck);
    }

    private ProgressView.Totals totals() {
        int expected = 0;
        int in = 0;
        for (StoredEntry entry : active) {
            for (Criterion c : event.scheme().criteria()) {
                expected += c.judges();
                in += Math.min(c.judges(), marking.markCount(entry, c.code()));
            }
        }
        return new ProgressView.Totals(expected, in);
    }

    private List<ProgressView.JudgeProgress> judgeRows() {
        List<ProgressView.JudgeProgress> rows = new ArrayList<>();
        for (int i = 0; i < seats.size(); i++) {
            PanelSeat seat = seats.get(i);
            SignedInUser judge = judges.get(i);
            List<StoredEntry> mayMark = active.stream().filter(e -> !inConflict(judge, e)).toList();
            List<ProgressView.JudgeCriterion> criteria = event.scheme().criteria().stream()
                    .filter(c -> seat.marks(c.code()))
                    .map(c -> judgeCriterion(judge, c, mayMark))
                    .toList();
            rows.add(new ProgressView.JudgeProgress(judge.id(), judge.username(), judge.displayName(), seat.panelRole(), criteria,
                    active.size() - mayMark.size()));
        }
        return rows;
    }

    private ProgressView.JudgeCriterion judgeCriterion(SignedInUser judge, Criterion c, List<StoredEntry> mayMark) {
        int in = 0;
        int missing = 0;
        for (StoredEntry e : mayMark) {
            if (marking.hasMark(e, c.code(), judge.id())) {
                in++;
            } else if (!marking.result(e, c.code()).complete()) {
                missing++;
            }
        }
        return new ProgressView.JudgeCriterion(c.code(), mayMark.size(), in, missing);
    }

    private List<ProgressView.CriterionProgress> criterionRows() {
        List<ProgressView.CriterionProgress> rows = new ArrayList<>();
        for (Criterion c : event.scheme().criteria()) {
            int complete = (int) active.stream().filter(e -> marking.result(e, c.code()).complete()).count();
            rows.add(new ProgressView.CriterionProgress(c.code(), complete, active.size() - complete));
        }
        return rows;
    }

    private List<ProgressView.OpenDiscrepancy> discrepancies() {
        List<ProgressView.OpenDiscrepancy> open = new ArrayList<>();
        for (StoredEntry e : active) {
            for (Criterion c : event.scheme().criteria()) {
                CriterionResult result = marking.result(e, c.code());
                if (result.discrepancy()) {
                    open.add(new ProgressView.OpenDiscrepancy(e.id(), e.bib(), c.code(), judgeMarks(e, c)));
                }
            }
        }
        return open;
    }

    /** Who gave what, in panel order: the chief sees at once who is out of line. */
    private List<ProgressView.JudgeMark> judgeMarks(StoredEntry entry, Criterion c) {
        var values = marking.marksOf(entry, c.code());
        List<ProgressView.JudgeMark> marks = new ArrayList<>();
        for (SignedInUser judge : judges) {
            if (values.containsKey(judge.id())) {
                String name = judge.displayName() == null || judge.displayName().isBlank() ? judge.username() : judge.displayName();
                marks.add(new ProgressView.JudgeMark(judge.id(), name, values.get(judge.id())));
            }
        }
        return marks;
    }

    /** Entries that cannot be completed by the seated judges free of conflict: seat another judge. */
    private List<ProgressView.ShortOfJudges> shortOfJudges() {
        List<ProgressView.ShortOfJudges> shortList = new ArrayList<>();
        for (StoredEntry e : active) {
            for (Criterion c : event.scheme().criteria()) {
                int eligible = 0;
                for (int i = 0; i < seats.size(); i++) {
                    if (seats.get(i).marks(c.code()) && !inConflict(judges.get(i), e)) {
                        eligible++;
                    }
                }
                if (eligible < c.judges()) {
                    shortList.add(new ProgressView.ShortOfJudges(e.id(), e.bib(), c.code(), eligible, c.judges()));
                }
            }
        }
        return shortList;
    }

    private static boolean inConflict(SignedInUser judge, StoredEntry entry) {
        return ConflictOfInterest.exists(judge.affiliation(), Assignments.unitsOf(entry));
    }
}
