package org.craftmark.server.store;

import org.craftmark.core.contest.EntryStatus;
import org.craftmark.core.contest.SkillLevel;
import org.craftmark.core.pipeline.RegionCode;
import org.craftmark.server.privacy.IdNumberVault;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.craftmark.server.store.schema.Tables.ENTRIES;
import static org.craftmark.server.store.schema.Tables.ENTRY_MEMBERS;
import static org.craftmark.server.store.schema.Tables.PERSONS;

/** Entries, their competitors, and the persons behind them (one row per resident ID). */
public final class EntryStore {

    /** One competitor of an entry, as registered for it. */
    public record Member(String name, String idNumber, String employer, String trainingUnit, SkillLevel currentLevel) {
    }

    /** An entry as stored, with its competitor(s) in order. */
    public record StoredEntry(long id, long eventId, String bib, String teamName, EntryStatus status, String statusReason,
                              Integer completionSeconds, RegionCode homeRegion, Long sourceEntryId, Integer sourceRank,
                              List<Member> members) {
    }

    /** What is needed to register an entry. */
    public record NewEntry(long eventId, String bib, String teamName, RegionCode homeRegion, Long sourceEntryId,
                           Integer sourceRank, List<Member> members) {
    }

    private final DSLContext dsl;
    private final IdNumberVault vault;

    public EntryStore(DSLContext dsl, IdNumberVault vault) {
        this.dsl = dsl;
        this.vault = vault;
    }

    public long insert(NewEntry entry, Instant now) {
        // The revision first: its write lock on the event row before the insert's foreign-key
        // share lock (two registrations holding the share lock would deadlock on the update).
        EventRevision.bump(dsl, entry.eventId());
        long id = dsl.insertInto(ENTRIES)
                .set(ENTRIES.EVENT_ID, entry.eventId())
                .set(ENTRIES.BIB, entry.bib())
                .set(ENTRIES.TEAM_NAME, entry.teamName())
                .set(ENTRIES.STATUS, EntryStatus.ACTIVE.name())
                .set(ENTRIES.HOME_REGION_CODE, entry.homeRegion().value())
                .set(ENTRIES.SOURCE_ENTRY_ID, entry.sourceEntryId())
                .set(ENTRIES.SOURCE_RANK, entry.sourceRank())
                .set(ENTRIES.CREATED_AT, now.toEpochMilli())
                .returningResult(ENTRIES.ID)
                .fetchSingle()
                .value1();
        insertMembers(id, entry.eventId(), entry.members(), now);
        return id;
    }

    /**
     * Replaces an entry's bib, team name and competitors (a registration corrected before the contest
     * runs). The members are registration data, not marks: the audit log keeps the change.
     */
    public void updateRegistration(long id, String bib, String teamName, List<Member> members, Instant now) {
        long eventId = dsl.select(ENTRIES.EVENT_ID).from(ENTRIES).where(ENTRIES.ID.eq(id)).fetchSingle().value1();
        EventRevision.bump(dsl, eventId);
        dsl.update(ENTRIES).set(ENTRIES.BIB, bib).set(ENTRIES.TEAM_NAME, teamName).where(ENTRIES.ID.eq(id)).execute();
        dsl.deleteFrom(ENTRY_MEMBERS).where(ENTRY_MEMBERS.ENTRY_ID.eq(id)).execute();
        insertMembers(id, eventId, members, now);
    }

    private void insertMembers(long entryId, long eventId, List<Member> members, Instant now) {
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            dsl.insertInto(ENTRY_MEMBERS)
                    .set(ENTRY_MEMBERS.ENTRY_ID, entryId)
                    .set(ENTRY_MEMBERS.POSITION, i)
                    .set(ENTRY_MEMBERS.EVENT_ID, eventId)
                    .set(ENTRY_MEMBERS.PERSON_ID, personId(m, now))
                    .set(ENTRY_MEMBERS.EMPLOYER, m.employer())
                    .set(ENTRY_MEMBERS.TRAINING_UNIT, m.trainingUnit())
                    .set(ENTRY_MEMBERS.CURRENT_LEVEL, m.currentLevel().name())
                    .execute();
        }
    }

    /** Bibs used in the event by entries other than {@code entryId}, among those given. */
    public Set<String> takenBibsExcept(long eventId, long entryId, Collection<String> bibs) {
        return new HashSet<>(dsl.select(ENTRIES.BIB).from(ENTRIES)
                .where(ENTRIES.EVENT_ID.eq(eventId)).and(ENTRIES.BIB.in(bibs)).and(ENTRIES.ID.ne(entryId))
                .fetch(ENTRIES.BIB));
    }

    /** ID numbers entered in the event by entries other than {@code entryId}, among those given. */
    public Set<String> enteredIdNumbersExcept(long eventId, long entryId, Collection<String> idNumbers) {
        return enteredAmong(idNumbers, ENTRY_MEMBERS.EVENT_ID.eq(eventId).and(ENTRY_MEMBERS.ENTRY_ID.ne(entryId)));
    }

    /** Those of {@code idNumbers} (as given) whose person has a membership matching {@code members}. */
    private Set<String> enteredAmong(Collection<String> idNumbers, Condition members) {
        Map<String, String> byHash = new HashMap<>();
        idNumbers.forEach(idNumber -> byHash.put(vault.lookupHash(idNumber), idNumber));
        return new HashSet<>(dsl.select(PERSONS.ID_HASH).from(ENTRY_MEMBERS)
                .join(PERSONS).on(PERSONS.ID.eq(ENTRY_MEMBERS.PERSON_ID))
                .where(members).and(PERSONS.ID_HASH.in(byHash.keySet()))
                .fetch(r -> byHash.get(r.value1())));
    }

    /** The person with this ID number, created on first registration (their name as first given). */
    private long personId(Member member, Instant now) {
        String hash = vault.lookupHash(member.idNumber());
        return dsl.select(PERSONS.ID).from(PERSONS).where(PERSONS.ID_HASH.eq(hash)).fetchOptional(PERSONS.ID)
                .orElseGet(() -> dsl.insertInto(PERSONS)
                        .set(PERSONS.ID_HASH, hash)
                        .set(PERSONS.ID_CIPHER, vault.seal(member.idNumber()))
                        .set(PERSONS.NAME, member.name())
                        .set(PERSONS.CREATED_AT, now.toEpochMilli())
                        .returningResult(PERSONS.ID)
                        .fetchSingle()
                        .value1());
    }

    /** Bibs already used in the event, among those given (a set that may be asked about null). */
    public Set<String> takenBibs(long eventId, Collection<String> bibs) {
        return new HashSet<>(dsl.select(ENTRIES.BIB).from(ENTRIES)
                .where(ENTRIES.EVENT_ID.eq(eventId)).and(ENTRIES.BIB.in(bibs))
                .fetch(ENTRIES.BIB));
    }

    /** ID numbers already entered in the event, among those given. */
    public Set<String> enteredIdNumbers(long eventId, Collection<String> idNumbers) {
        return enteredAmong(idNumbers, ENTRY_MEMBERS.EVENT_ID.eq(eventId));
    }

    public Optional<StoredEntry> find(long id) {
        return dsl.selectFrom(ENTRIES).where(ENTRIES.ID.eq(id)).fetchOptional()
                .map(r -> toEntry(r, membersOf(List.of(id)).getOrDefault(id, List.of())));
    }

    /** A registered person: the name as first given with this ID number. */
    public record Person(long id, String idNumber, String name) {
    }

    public Optional<Person> person(String idNumber) {
        return dsl.select(PERSONS.ID, PERSONS.ID_CIPHER, PERSONS.NAME).from(PERSONS).where(PERSONS.ID_HASH.eq(vault.lookupHash(idNumber)))
                .fetchOptional(r -> new Person(r.value1(), vault.open(r.value2()), r.value3()));
    }

    /** Every entry the person is a competitor of, across events, contests and tiers, oldest first. */
    public List<StoredEntry> ofPerson(long personId) {
        var rows = dsl.select(ENTRIES.fields()).from(ENTRIES)
                .join(ENTRY_MEMBERS).on(ENTRY_MEMBERS.ENTRY_ID.eq(ENTRIES.ID))
                .where(ENTRY_MEMBERS.PERSON_ID.eq(personId))
                .orderBy(ENTRIES.CREATED_AT, ENTRIES.ID)
                .fetch();
        Map<Long, List<Member>> members = membersOf(rows.map(r -> r.get(ENTRIES.ID)));
        return rows.map(r -> toEntry(r, members.getOrDefault(r.get(ENTRIES.ID), List.of())));
    }

    public List<StoredEntry> ofEvent(long eventId) {
        var rows = dsl.selectFrom(ENTRIES).where(ENTRIES.EVENT_ID.eq(eventId)).orderBy(ENTRIES.BIB).fetch();
        Map<Long, List<Member>> members = membersOf(rows.map(r -> r.getId()));
        return rows.map(r -> toEntry(r, members.getOrDefault(r.getId(), List.of())));
    }

    private Map<Long, List<Member>> membersOf(List<Long> entryIds) {
        Map<Long, List<Member>> byEntry = new HashMap<>();
        if (entryIds.isEmpty()) {
            return byEntry;
        }
        dsl.select(ENTRY_MEMBERS.ENTRY_ID, PERSONS.NAME, PERSONS.ID_CIPHER, ENTRY_MEMBERS.EMPLOYER,
                        ENTRY_MEMBERS.TRAINING_UNIT, ENTRY_MEMBERS.CURRENT_LEVEL)
                .from(ENTRY_MEMBERS)
                .join(PERSONS).on(PERSONS.ID.eq(ENTRY_MEMBERS.PERSON_ID))
                .where(ENTRY_MEMBERS.ENTRY_ID.in(entryIds))
                .orderBy(ENTRY_MEMBERS.ENTRY_ID, ENTRY_MEMBERS.POSITION)
                .forEach(r -> byEntry.computeIfAbsent(r.value1(), k -> new java.util.ArrayList<>())
                        .add(new Member(r.value2(), vault.open(r.value3()), r.value4(), r.value5(), SkillLevel.valueOf(r.value6()))));
        return byEntry;
    }

    public void updateStatus(long id, EntryStatus status, String reason) {
        EventRevision.bump(dsl, dsl.select(ENTRIES.EVENT_ID).from(ENTRIES).where(ENTRIES.ID.eq(id)).fetchSingle().value1());
        dsl.update(ENTRIES).set(ENTRIES.STATUS, status.name()).set(ENTRIES.STATUS_REASON, reason)
                .where(ENTRIES.ID.eq(id)).execute();
    }

    public void updateCompletionTime(long id, int seconds) {
        dsl.update(ENTRIES).set(ENTRIES.COMPLETION_SECONDS, seconds).where(ENTRIES.ID.eq(id)).execute();
    }

    private static StoredEntry toEntry(Record r, List<Member> members) {
        return new StoredEntry(
                r.get(ENTRIES.ID),
                r.get(ENTRIES.EVENT_ID),
                r.get(ENTRIES.BIB),
                r.get(ENTRIES.TEAM_NAME),
                EntryStatus.valueOf(r.get(ENTRIES.STATUS)),
                r.get(ENTRIES.STATUS_REASON),
                r.get(ENTRIES.COMPLETION_SECONDS),
                new RegionCode(r.get(ENTRIES.HOME_REGION_CODE)),
                r.get(ENTRIES.SOURCE_ENTRY_ID),
                r.get(ENTRIES.SOURCE_RANK),
                List.copyOf(members));
    }
}
