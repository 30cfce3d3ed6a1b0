package org.craftmark.server.panels;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.craftmark.core.common.Problem;
import org.craftmark.core.common.RuleViolation;
import org.craftmark.core.marking.ConflictOfInterest;
import org.craftmark.core.pipeline.ContestStatus;
import org.craftmark.server.audit.AuditLog;
import org.craftmark.server.auth.Access;
import org.craftmark.server.auth.Role;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.http.ApiException;
import org.craftmark.server.store.ContestStore.StoredContest;
import org.craftmark.server.marking.Assignments;
import org.craftmark.server.store.Database;
import org.craftmark.server.store.EntryStore.StoredEntry;
import org.craftmark.server.store.EventStore.StoredEvent;
import org.craftmark.server.store.PanelStore.PanelSeat;
import org.craftmark.server.store.Stores;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Each event's panel (裁判组): its judges, the criteria each marks, and its chief judge (裁判长). */
public final class PanelService {
    /**
     * A judge on a panel, with who they are (their affiliation decides conflicts of interest) and the
     * entries they will not see because of it (回避).
     */
    public record PanelMember(PanelSeat seat, SignedInUser judge, List<StoredEntry> conflicts) {
    }

    private final Database db;
    private final AuditLog audit;
    private final Clock clock;
    private final List<SeatListener> seated = new CopyOnWriteArrayList<>();

    public PanelService(Database db, AuditLog audit, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
    }

    /** Told of every seat change, after it is committed. */
    public void onSeated(SeatListener listener) {
        seated.add(listener);
    }

    public PanelMember seat(SignedInUser actor, PanelSeat seat) {
        PanelMember member = db.transaction(tx -> {
            StoredEvent event = tx.events().find(seat.eventId()).orElseThrow(() -> ApiException.notFound("Event " + seat.eventId()));
            StoredContest contest = tx.contests().find(event.contestId()).orElseThrow();
            Access.requireOrganizerOf(actor, contest.region(), tx.regions().tree());
            SignedInUser judge = tx.users().findById(seat.userId())
                    .orElseThrow(() -> new RuleViolation("userId", "is not a known user"));
            RuleViolation.throwIfAny(problems(event, judge, seat));
            requireBeforePublication(contest);
            tx.panels().seat(seat, clock.instant());
            audit.record(tx, actor, "panel.seat", "event:" + event.id(), contest.id(), new JsonObject()
                    .put("userId", judge.id()).put("role", seat.panelRole()).put("criteria", seat.marksAll() ? null : new JsonArray(seat.criteria())));
            return new PanelMember(seat, judge, conflicts(tx, event.id(), judge));
        });
        seated.forEach(listener -> listener.seatChanged(seat.eventId(), member.judge().id()));
        return member;
    }

    /**
     * Takes the judge off the panel. Their marks stay in history and stop counting (only seated
     * judges' marks count); boards and tablets hear of it through the seat listeners.
     */
    public void unseat(SignedInUser actor, long eventId, long userId) {
        boolean removed = db.transaction(tx -> {
            StoredEvent event = tx.events().find(eventId).orElseThrow(() -> ApiException.notFound("Event " + eventId));
            StoredContest contest = tx.contests().find(event.contestId()).orElseThrow();
            Access.requireOrganizerOf(actor, contest.region(), tx.regions().tree());
            requireBeforePublication(contest);
            if (tx.panels().seatOf(eventId, userId).isEmpty()) {
                throw ApiException.notFound("User " + userId + " on the panel of event " + eventId);
            }
            if (event.locked()) {
                throw ApiException.conflict("EVENT_LOCKED", "The event is locked; its chief judge unlocks it before the panel changes.",
                        List.of(new Problem("eventId", "is locked")));
            }
            tx.panels().unseat(eventId, userId);
            audit.record(tx, actor, "panel.unseat", "event:" + eventId, contest.id(), new JsonObject().put("userId", userId));
            return true;
        });
        if (removed) {
            seated.forEach(listener -> listener.seatChanged(eventId, userId));
        }
    }

    /** A judge's affiliation changed: every panel they sit on is told, as if re-seated (conflicts may differ). */
    public void judgeChanged(long userId) {
        db.stores().panels().ofJudge(userId).forEach(seat -> seated.forEach(listener -> listener.seatChanged(seat.eventId(), userId)));
    }

    private static void requireBeforePublication(StoredContest contest) {
        if (contest.status() == ContestStatus.PUBLISHED || contest.status() == ContestStatus.FINAL) {
            throw ApiException.conflict("WRONG_STATE", "Panels are set until results are published; the contest is " + contest.status() + ".",
                    List.of(new Problem("status", "is " + contest.status())));
        }
    }

    private static List<Problem> problems(StoredEvent event, SignedInUser judge, PanelSeat seat) {
        List<Problem> problems = new ArrayList<>();
        if (!judge.is(Role.JUDGE)) {
            problems.add(new Problem("userId", "must be a JUDGE user; " + judge.username() + " is " + judge.role()));
        }
        for (int i = 0; i < seat.namedCriteria().size(); i++) {
            String code = seat.namedCriteria().get(i);
            if (event.scheme().criterion(code).isEmpty()) {
                problems.add(new Problem("criteria[" + i + "]", code + " is not a criterion of this event"));
            }
        }
        return problems;
    }

    /** The panel; seen by the organizer, ADMIN and the judges on it. */
    public List<PanelMember> panel(SignedInUser actor, long eventId) {
        Stores stores = db.stores();
        StoredEvent event = stores.events().find(eventId).orElseThrow(() -> ApiException.notFound("Event " + eventId));
        StoredContest contest = stores.contests().find(event.contestId()).orElseThrow();
        List<PanelSeat> seats = stores.panels().ofEvent(eventId);
        boolean onPanel = seats.stream().anyMatch(s -> s.userId() == actor.id());
        if (!onPanel) {
            Access.requireOrganizerOf(actor, contest.region(), stores.regions().tree());
        }
        return seats.stream().map(s -> {
            SignedInUser judge = stores.users().findById(s.userId()).orElseThrow();
            return new PanelMember(s, judge, conflicts(stores, eventId, judge));
        }).toList();
    }

    /**
     * The entries a judge would not see on this event because of a conflict of interest — asked
     * before seating, so the organizer knows whether the panel can still supply every mark.
     */
    public List<StoredEntry> conflictsOf(SignedInUser actor, long eventId, long userId) {
        Stores stores = db.stores();
        StoredEvent event = stores.events().find(eventId).orElseThrow(() -> ApiException.notFound("Event " + eventId));
        StoredContest contest = stores.contests().find(event.contestId()).orElseThrow();
        Access.requireOrganizerOf(actor, contest.region(), stores.regions().tree());
        SignedInUser judge = stores.users().findById(userId).orElseThrow(() -> new RuleViolation("userId", "is not a known user"));
        return conflicts(stores, eventId, judge);
    }

    private static List<StoredEntry> conflicts(Stores stores, long eventId, SignedInUser judge) {
        return stores.entries().ofEvent(eventId).stream()
                .filter(e -> ConflictOfInterest.exists(judge.affiliation(), Assignments.unitsOf(e)))
                .toList();
    }
}
