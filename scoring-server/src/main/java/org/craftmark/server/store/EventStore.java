package org.craftmark.server.store;

import org.craftmark.core.contest.Group;
import org.craftmark.core.contest.Mode;
import org.craftmark.core.marking.Criterion;
import org.craftmark.core.marking.Kind;
import org.craftmark.core.marking.MarkingScheme;
import org.craftmark.core.marking.Method;
import org.craftmark.core.marking.TieBreak;
import org.jooq.DSLContext;
import org.jooq.Record;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.craftmark.server.store.schema.Tables.CRITERIA;
import static org.craftmark.server.store.schema.Tables.EVENTS;

/** Events (竞赛项目) and their marking schemes. */
public final class EventStore {

    /** An event as stored, with its scheme. */
    public record StoredEvent(long id, long contestId, String occupationCode, String occupationName, Group group,
                              Mode mode, Integer teamSize, Integer advanceQuota, BigDecimal advanceMinScore,
                              MarkingScheme scheme, boolean locked, boolean recorded) {
        /** Where the event stands in the fed contest: what advancement matches on. */
        public org.craftmark.core.pipeline.EventKey key() {
            return new org.craftmark.core.pipeline.EventKey(occupationCode, group, mode);
        }
    }

    /** What is needed to create an event; its scheme is already valid. */
    public record NewEvent(long contestId, String occupationCode, String occupationName, Group group, Mode mode,
                           Integer teamSize, Integer advanceQuota, BigDecimal advanceMinScore, MarkingScheme scheme) {
    }

    private final DSLContext dsl;

    public EventStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    public long insert(NewEvent event, Instant now) {
        long id = dsl.insertInto(EVENTS)
                .set(EVENTS.CONTEST_ID, event.contestId())
                .set(EVENTS.OCCUPATION_CODE, event.occupationCode())
                .set(EVENTS.OCCUPATION_NAME, event.occupationName())
                .set(EVENTS.ENTRY_GROUP, event.group().name())
                .set(EVENTS.MODE, event.mode().name())
                .set(EVENTS.TEAM_SIZE, event.teamSize())
                .set(EVENTS.ADVANCE_QUOTA, event.advanceQuota())
                .set(EVENTS.ADVANCE_MIN_SCORE, event.advanceMinScore())
                .set(EVENTS.TIE_BREAK, event.scheme().tieBreak().stream().map(TieBreak::text).collect(Collectors.joining(",")))
                .set(EVENTS.LOCKED, false)
                .set(EVENTS.CREATED_AT, now.toEpochMilli())
                .returningResult(EVENTS.ID)
                .fetchSingle()
                .value1();
        insertCriteria(id, event.scheme().criteria());
        return id;
    }

    private void insertCriteria(long eventId, List<Criterion> criteria) {
        var insert = dsl.insertInto(CRITERIA, CRITERIA.EVENT_ID, CRITERIA.POSITION, CRITERIA.CODE, CRITERIA.MODULE,
                CRITERIA.NAME, CRITERIA.KIND, CRITERIA.MAX_MARK, CRITERIA.METHOD, CRITERIA.JUDGES, CRITERIA.TRIM_COUNT);
        for (int i = 0; i < criteria.size(); i++) {
            Criterion c = criteria.get(i);
            insert = insert.values(eventId, i, c.code(), c.module(), c.name(), c.kind().name(), c.maxMark(),
                    c.method().name(), c.judges(), c.trim());
        }
        insert.execute();
    }

    public Optional<StoredEvent> find(long id) {
        return dsl.selectFrom(EVENTS).where(EVENTS.ID.eq(id)).fetchOptional()
                .map(r -> toEvent(r, criteriaOf(List.of(id)).getOrDefault(id, List.of())));
    }

    /** The event, its row locked until the transaction ends: marks and lock/unlock take turns. */
    public Optional<StoredEvent> findForUpdate(long id) {
        return dsl.selectFrom(EVENTS).where(EVENTS.ID.eq(id)).forUpdate().fetchOptional()
                .map(r -> toEvent(r, criteriaOf(List.of(id)).getOrDefault(id, List.of())));
    }

    /** What a mark group needs of an event's row each time: whether it is locked, and its revision. */
    public record LockedEvent(long id, long contestId, boolean locked, long revision) {
    }

    /**
     * Locks the rows of these events until the transaction ends, in id order (so two groups cannot
     * deadlock on each other), in one statement; missing ids are absent from the answer.
     */
    public Map<Long, LockedEvent> lockAll(Collection<Long> ids) {
        return dsl.select(EVENTS.ID, EVENTS.CONTEST_ID, EVENTS.LOCKED, EVENTS.REVISION).from(EVENTS)
                .where(EVENTS.ID.in(ids)).orderBy(EVENTS.ID).forUpdate()
                .fetchMap(EVENTS.ID, r -> new LockedEvent(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    public void setLocked(long id, boolean locked) {
        dsl.update(EVENTS).set(EVENTS.LOCKED, locked).set(EVENTS.REVISION, EVENTS.REVISION.plus(1)).where(EVENTS.ID.eq(id)).execute();
    }

    /** Recorded results stand in for marking: the event is ranked by them, and locked. */
    public void markRecorded(long id) {
        dsl.update(EVENTS).set(EVENTS.RECORDED, true).set(EVENTS.LOCKED, true).set(EVENTS.REVISION, EVENTS.REVISION.plus(1)).where(EVENTS.ID.eq(id)).execute();
    }

    public List<StoredEvent> ofContest(long contestId) {
        var rows = dsl.selectFrom(EVENTS).where(EVENTS.CONTEST_ID.eq(contestId)).orderBy(EVENTS.ID).fetch();
        Map<Long, List<Criterion>> criteria = criteriaOf(rows.map(r -> r.getId()));
        return rows.map(r -> toEvent(r, criteria.getOrDefault(r.getId(), List.of())));
    }

    private Map<Long, List<Criterion>> criteriaOf(List<Long> eventIds) {
        return dsl.selectFrom(CRITERIA)
                .where(CRITERIA.EVENT_ID.in(eventIds))
                .orderBy(CRITERIA.EVENT_ID, CRITERIA.POSITION)
                .fetchGroups(CRITERIA.EVENT_ID, r -> new Criterion(r.getCode(), r.getModule(), r.getName(),
                        Kind.valueOf(r.getKind()), r.getMaxMark(), Method.valueOf(r.getMethod()), r.getJudges(), r.getTrimCount()));
    }

    private static StoredEvent toEvent(Record r, List<Criterion> criteria) {
        String tieBreak = r.get(EVENTS.TIE_BREAK);
        List<String> tieBreaks = tieBreak.isEmpty() ? List.of() : Arrays.asList(tieBreak.split(","));
        return new StoredEvent(
                r.get(EVENTS.ID),
                r.get(EVENTS.CONTEST_ID),
                r.get(EVENTS.OCCUPATION_CODE),
                r.get(EVENTS.OCCUPATION_NAME),
                Group.valueOf(r.get(EVENTS.ENTRY_GROUP)),
                Mode.valueOf(r.get(EVENTS.MODE)),
                r.get(EVENTS.TEAM_SIZE),
                r.get(EVENTS.ADVANCE_QUOTA),
                r.get(EVENTS.ADVANCE_MIN_SCORE),
                MarkingScheme.of(new ArrayList<>(criteria), tieBreaks),
                r.get(EVENTS.LOCKED),
                r.get(EVENTS.RECORDED));
    }
}
