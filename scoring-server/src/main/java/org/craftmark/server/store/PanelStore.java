package org.craftmark.server.store;

import org.craftmark.core.marking.Panel;
import org.craftmark.core.marking.SeatCoverage;
import org.jooq.DSLContext;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.craftmark.server.store.schema.Tables.PANEL_MEMBERS;

/** The judges of each event's panel (裁判组) and the criteria each marks. */
public final class PanelStore {

    /**
     * A judge's place on a panel: JUDGE or CHIEF (裁判长), and the criteria they mark — {@code null}
     * for all of them (the request omitted the list), an empty list for none (a chief who only
     * supervises).
     */
    public record PanelSeat(long eventId, long userId, String panelRole, List<String> criteria) {
        public PanelSeat {
            criteria = criteria == null ? null : List.copyOf(criteria);
        }

        /** A seat marking every criterion of the scheme. */
        public static PanelSeat allCriteria(long eventId, long userId, String panelRole) {
            return new PanelSeat(eventId, userId, panelRole, null);
        }

        public boolean marksAll() {
            return criteria == null;
        }

        /** The criteria named on the seat; empty when it marks all or none (see {@link #marksAll()}). */
        public List<String> namedCriteria() {
            return criteria == null ? List.of() : criteria;
        }

        /** The chief judge (裁判长): alone may lock, unlock, correct and recheck. */
        public boolean isChief() {
            return "CHIEF".equals(panelRole);
        }

        /** Assigned this criterion (explicitly, or by marking all). */
        public boolean marks(String criterion) {
            return coverage().covers(criterion);
        }

        public SeatCoverage coverage() {
            return marksAll() ? new SeatCoverage.All() : new SeatCoverage.Only(Set.copyOf(criteria));
        }
    }

    private final DSLContext dsl;

    public PanelStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Seats the judge, or changes the role and criteria of a judge already seated. */
    public void seat(PanelSeat seat, Instant now) {
        // NULL: all criteria; '': none; else the codes.
        String criteria = seat.marksAll() ? null : String.join(",", seat.criteria());
        // First: the event row's write lock before the insert's foreign-key share lock on it, or
        // two seatings each holding the share lock deadlock on the revision's update.
        EventRevision.bump(dsl, seat.eventId());
        // One upsert, not an update then an insert: two seatings on one event each took a gap lock
        // with the update that found nothing, then deadlocked inserting into each other's gap.
        Upserts.over(dsl).insertInto(PANEL_MEMBERS)
                .set(PANEL_MEMBERS.EVENT_ID, seat.eventId())
                .set(PANEL_MEMBERS.USER_ID, seat.userId())
                .set(PANEL_MEMBERS.PANEL_ROLE, seat.panelRole())
                .set(PANEL_MEMBERS.CRITERIA, criteria)
                .set(PANEL_MEMBERS.CREATED_AT, now.toEpochMilli())
                .onDuplicateKeyUpdate()
                .set(PANEL_MEMBERS.PANEL_ROLE, seat.panelRole())
                .set(PANEL_MEMBERS.CRITERIA, criteria)
                .execute();
    }

    public void unseat(long eventId, long userId) {
        EventRevision.bump(dsl, eventId);
        dsl.deleteFrom(PANEL_MEMBERS)
                .where(PANEL_MEMBERS.EVENT_ID.eq(eventId)).and(PANEL_MEMBERS.USER_ID.eq(userId))
                .execute();
    }

    public List<PanelSeat> ofEvent(long eventId) {
        return dsl.selectFrom(PANEL_MEMBERS).where(PANEL_MEMBERS.EVENT_ID.eq(eventId)).orderBy(PANEL_MEMBERS.USER_ID)
                .fetch(r -> new PanelSeat(r.getEventId(), r.getUserId(), r.getPanelRole(), split(r.getCriteria())));
    }

    public List<PanelSeat> ofJudge(long userId) {
        return dsl.selectFrom(PANEL_MEMBERS).where(PANEL_MEMBERS.USER_ID.eq(userId)).orderBy(PANEL_MEMBERS.EVENT_ID)
                .fetch(r -> new PanelSeat(r.getEventId(), r.getUserId(), r.getPanelRole(), split(r.getCriteria())));
    }

    /** The event's panel as the rulebook reads it: whose marks count on which criteria. */
    public Panel panel(long eventId) {
        return new Panel(ofEvent(eventId).stream().collect(Collectors.toMap(PanelSeat::userId, PanelSeat::coverage)));
    }

    public Optional<PanelSeat> seatOf(long eventId, long userId) {
        return ofEvent(eventId).stream().filter(s -> s.userId() == userId).findFirst();
    }

    private static List<String> split(String criteria) {
        if (criteria == null) {
            return null;
        }
        return criteria.isEmpty() ? List.of() : Arrays.asList(criteria.split(","));
    }
}
