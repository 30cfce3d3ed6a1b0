package org.craftmark.server.entries;

import io.vertx.core.json.JsonObject;
import org.craftmark.core.common.Problem;
import org.craftmark.core.common.RuleViolation;
import org.craftmark.core.contest.EntryStatus;
import org.craftmark.core.contest.Mode;
import org.craftmark.core.pipeline.ContestStatus;
import org.craftmark.server.audit.AuditLog;
import org.craftmark.server.auth.Access;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.chief.UpheldAppeals;
import org.craftmark.server.http.ApiException;
import org.craftmark.server.store.ContestStore.StoredContest;
import org.craftmark.server.store.Database;
import org.craftmark.server.store.EntryStore.Member;
import org.craftmark.server.store.EntryStore.NewEntry;
import org.craftmark.server.store.EntryStore.StoredEntry;
import org.craftmark.server.store.EventStore.StoredEvent;
import org.craftmark.server.store.Stores;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/** Registering competitors and teams in an event, one by one or from a CSV file, and their status and time. */
public final class EntryService {

    /** A registration as read from the wire: {@code competitor} for individual events, else {@code members}. */
    public record EntryForm(String bib, String teamName, CompetitorForm competitor, List<CompetitorForm> members) {
    }

    /** An event with the contest it belongs to. */
    record EventInContest(StoredEvent event, StoredContest contest) {
    }

    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    private final Database db;
    private final AuditLog audit;
    private final Clock clock;
    private final UpheldAppeals appeals;
    private final List<LongConsumer> eventChanged = new CopyOnWriteArrayList<>();

    public EntryService(Database db, AuditLog audit, Clock clock, UpheldAppeals appeals) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
        this.appeals = appeals;
    }

    /** Told (with the event id) after any committed change to an event's entries: results rebuild from it. */
    public void onEventChanged(LongConsumer listener) {
        eventChanged.add(listener);
    }

    public StoredEntry register(SignedInUser actor, long eventId, EntryForm form) {
        return changed(eventId, db.transaction(tx -> {
            EventInContest at = organizedEvent(tx, actor, eventId);
            List<Member> members = checkForm(at.event(), form);
            requireRegistrationOpen(at.contest());
            if (!tx.entries().takenBibs(eventId, List.of(form.bib())).isEmpty()) {
                throw duplicate("bib", "bib " + form.bib() + " is taken in this event");
            }
            if (!tx.entries().enteredIdNumbers(eventId, members.stream().map(Member::idNumber).toList()).isEmpty()) {
                throw duplicate(form.competitor() != null ? "competitor.idNumber" : "members", "this person is already entered in this event");
            }
            return insert(tx, actor, at, form.bib(), form.teamName(), members);
        }));
    }

    /**
     * Corrects a registration — bib, team name, competitor(s) — with the same form and checks as
     * registering it, while registration is open (DRAFT or OPEN). The entry keeps its id, status and
     * source.
     */
    public StoredEntry edit(SignedInUser actor, long entryId, EntryForm form) {
        StoredEntry found = db.stores().entries().find(entryId).orElseThrow(() -> ApiException.notFound("Entry " + entryId));
        return changed(found.eventId(), db.transaction(tx -> {
            StoredEntry entry = tx.entries().find(entryId).orElseThrow(() -> ApiException.notFound("Entry " + entryId));
            EventInContest at = organizedEvent(tx, actor, entry.eventId());
            List<Member> members = checkForm(at.event(), form);
            requireRegistrationOpen(at.contest());
            long eventId = entry.eventId();
            if (!tx.entries().takenBibsExcept(eventId, entryId, List.of(form.bib())).isEmpty()) {
                throw duplicate("bib", "bib " + form.bib() + " is taken in this event");
            }
            if (!tx.entries().enteredIdNumbersExcept(eventId, entryId, members.stream().map(Member::idNumber).toList()).isEmpty()) {
                throw duplicate(form.competitor() != null ? "competitor.idNumber" : "members", "this person is already entered in this event");
            }
            tx.entries().updateRegistration(entryId, form.bib(), form.teamName(), members, clock.instant());
            audit.record(tx, actor, "entry.edit", "entry:" + entryId, at.contest().id(),
                    new JsonObject().put("eventId", eventId).put("bib", form.bib()).put("members", members.size()));
            return tx.entries().find(entryId).orElseThrow();
        }));
    }

    /**
     * The full ID numbers of an entry's competitors, for those allowed to see personal data (ADMIN,
     * the organizer in scope, HR in scope); every reveal is audited with who asked and why.
     */
    public StoredEntry revealIdNumbers(SignedInUser actor, long entryId, String reason) {
        return db.transaction(tx -> {
            StoredEntry entry = tx.entries().find(entryId).orElseThrow(() -> ApiException.notFound("Entry " + entryId));
            StoredEvent event = tx.events().find(entry.eventId()).orElseThrow();
            StoredContest contest = tx.contests().find(event.contestId()).orElseThrow();
            if (!Access.seesPersonalData(actor, contest.region(), tx.regions().tree())) {
                throw ApiException.forbidden("Only ADMIN, the contest's organizer and HR in its region see ID numbers.");
            }
            audit.record(tx, actor, "entry.reveal-id", "entry:" + entryId, contest.id(),
                    new JsonObject().put("eventId", entry.eventId()).put("bib", entry.bib()).put("reason", reason));
            return entry;
        });
    }

    private <T> T changed(long eventId, T result) {
        eventChanged.forEach(listener -> listener.accept(eventId));
        return result;
    }

    private List<Member> checkForm(StoredEvent event, EntryForm form) {
        List<Problem> problems = new ArrayList<>(Registration.bibProblems("bib", form.bib()));
        List<Member> members = new ArrayList<>();
        if (event.mode() == Mode.INDIVIDUAL) {
            if (form.competitor() == null) {
                problems.add(new Problem("competitor", "is required for an INDIVIDUAL event"));
            } else {
                members.add(Registration.check("competitor.", form.competitor(), today(), problems));
            }
        } else {
            members.addAll(checkTeam(event, form, problems));
        }
        RuleViolation.throwIfAny(problems);
        return members;
    }

    private List<Member> checkTeam(StoredEvent event, EntryForm form, List<Problem> problems) {
        if (form.teamName() == null) {
            problems.add(new Problem("teamName", "is required for a TEAM event"));
        }
        if (form.members().size() != event.teamSize()) {
            problems.add(new Problem("members", "a team of this event has exactly " + event.teamSize() + " members"));
            return List.of();
        }
        List<Member> members = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < form.members().size(); i++) {
            members.add(Registration.check("members[" + i + "].", form.members().get(i), today(), problems));
            fields.add("members[" + i + "].idNumber");
        }
        Registration.flagRepeats(fields, members.stream().map(m -> m == null ? null : m.idNumber()).toList(),
                "the same person appears twice in the team", problems);
        return members;
    }

    /**
     * Imports every row of the file or none: 400 lists each bad row's problems, rows counted from 1
     * at the first data row.
     */
    public int importCsv(SignedInUser actor, long eventId, String csv) {
        return changed(eventId, db.transaction(tx -> {
            EventInContest at = organizedEvent(tx, actor, eventId);
            if (at.event().mode() != Mode.INDIVIDUAL) {
                throw new RuleViolation("mode", "CSV import registers individual competitors; register teams one by one");
            }
            requireRegistrationOpen(at.contest());
            List<EntryCsv.Row> rows = EntryCsv.parse(csv);
            List<Member> members = checkRows(tx, eventId, rows);
            for (int i = 0; i < rows.size(); i++) {
                insert(tx, actor, at, rows.get(i).bib(), null, List.of(members.get(i)));
            }
            return rows.size();
        }));
    }

    private List<Member> checkRows(Stores tx, long eventId, List<EntryCsv.Row> rows) {
        List<Problem> problems = new ArrayList<>();
        List<Member> members = new ArrayList<>();
        for (EntryCsv.Row row : rows) {
            String prefix = "row " + row.number() + ": ";
            problems.addAll(Registration.bibProblems(prefix + "bib", row.bib()));
            members.add(Registration.check(prefix, row.competitor(), today(), problems));
        }
        List<String> bibs = rows.stream().map(EntryCsv.Row::bib).toList();
        List<String> ids = members.stream().map(m -> m == null ? null : m.idNumber()).toList();
        Registration.flagRepeats(fields(rows, "bib"), bibs, "the same bib appears earlier in the file", problems);
        Registration.flagRepeats(fields(rows, "idNumber"), ids, "the same person appears earlier in the file", problems);
        Set<String> taken = tx.entries().takenBibs(eventId, bibs.stream().filter(b -> b != null).toList());
        Set<String> entered = tx.entries().enteredIdNumbers(eventId, ids.stream().filter(i -> i != null).toList());
        for (int i = 0; i < rows.size(); i++) {
            String prefix = "row " + rows.get(i).number() + ": ";
            if (taken.contains(bibs.get(i))) {
                problems.add(new Problem(prefix + "bib", "is taken in this event"));
            }
            if (entered.contains(ids.get(i))) {
                problems.add(new Problem(prefix + "idNumber", "this person is already entered in this event"));
            }
        }
        RuleViolation.throwIfAny(problems);
        return members;
    }

    private static List<String> fields(List<EntryCsv.Row> rows, String column) {
        return rows.stream().map(r -> "row " + r.number() + ": " + column).toList();
    }

    private StoredEntry insert(Stores tx, SignedInUser actor, EventInContest at, String bib, String teamName, List<Member> members) {
        long id = tx.entries().insert(new NewEntry(at.event().id(), bib, teamName, at.contest().region(), null, null, members), clock.instant());
        // The audit keeps the bib and the number of members, not ID numbers: personal data stays out of the log.
        audit.record(tx, actor, "entry.create", "entry:" + id, at.contest().id(),
                new JsonObject().put("eventId", at.event().id()).put("bib", bib).put("members", members.size()));
        return tx.entries().find(id).orElseThrow();
    }

    public List<StoredEntry> list(SignedInUser actor, long eventId) {
        Stores stores = db.stores();
        organizedEvent(stores, actor, eventId);
        return stores.entries().ofEvent(eventId);
    }

    /**
     * Marks an entry DNS or DQ (with a reason), or ACTIVE again; not once results are published, nor
     * while the event is locked.
     */
    public StoredEntry setStatus(SignedInUser actor, long entryId, EntryStatus status, String reason) {
        if (status != EntryStatus.ACTIVE && reason == null) {
            throw new RuleViolation("reason", "is required for " + status);
        }
        return changeEntry(actor, entryId, "entry.status", new JsonObject().put("status", status.name()).put("reason", reason),
                tx -> tx.entries().updateStatus(entryId, status, reason));
    }

    /** Records the completion time used by the TIME tie-break. */
    public StoredEntry setCompletionTime(SignedInUser actor, long entryId, int seconds) {
        return changeEntry(actor, entryId, "entry.time", new JsonObject().put("seconds", seconds),
                tx -> tx.entries().updateCompletionTime(entryId, seconds));
    }

    private StoredEntry changeEntry(SignedInUser actor, long entryId, String action, JsonObject data, Consumer<Stores> change) {
        StoredEntry changed = db.transaction(tx -> {
            StoredEntry entry = tx.entries().find(entryId).orElseThrow(() -> ApiException.notFound("Entry " + entryId));
            EventInContest at = organizedOrChiefEvent(tx, actor, entry.eventId());
            requireBeforePublication(tx, at.contest(), entry.eventId());
            requireUnlocked(tx, entry.eventId());
            change.accept(tx);
            audit.record(tx, actor, action, "entry:" + entryId, at.contest().id(), data);
            return tx.entries().find(entryId).orElseThrow();
        });
        return changed(changed.eventId(), changed);
    }

    private static EventInContest organizedEvent(Stores tx, SignedInUser actor, long eventId) {
        StoredEvent event = tx.events().find(eventId).orElseThrow(() -> ApiException.notFound("Event " + eventId));
        StoredContest contest = tx.contests().find(event.contestId()).orElseThrow();
        Access.requireOrganizerOf(actor, contest.region(), tx.regions().tree());
        return new EventInContest(event, contest);
    }

    /** Status (DNS/DQ) and time are contest-day facts: the event's chief judge (裁判长) may set them too. */
    private static EventInContest organizedOrChiefEvent(Stores tx, SignedInUser actor, long eventId) {
        boolean chief = tx.panels().seatOf(eventId, actor.id()).filter(seat -> seat.isChief()).isPresent();
        if (!chief) {
            return organizedEvent(tx, actor, eventId);
        }
        StoredEvent event = tx.events().find(eventId).orElseThrow(() -> ApiException.notFound("Event " + eventId));
        return new EventInContest(event, tx.contests().find(event.contestId()).orElseThrow());
    }

    private static void requireRegistrationOpen(StoredContest contest) {
        if (!contest.status().acceptsEntries()) {
            throw ApiException.conflict("WRONG_STATE", "Entries are registered while the contest is DRAFT or OPEN; it is "
                    + contest.status() + ".", List.of(new Problem("status", "is " + contest.status())));
        }
    }

    /**
     * Status and time are contest-day facts: they change until results are published — and again
     * while an upheld appeal has reopened the event (an appeal may be about a disqualification).
     */
    private void requireBeforePublication(Stores tx, StoredContest contest, long eventId) {
        if (contest.status() == ContestStatus.PUBLISHED && appeals.reopen(tx, eventId)) {
            return;
        }
        if (contest.status() == ContestStatus.PUBLISHED || contest.status() == ContestStatus.FINAL) {
            throw ApiException.conflict("WRONG_STATE", "Entries change until results are published; the contest is "
                    + contest.status() + ".", List.of(new Problem("status", "is " + contest.status())));
        }
    }

    /**
     * A locked event's results are checked and final for the chief judge: its entries' status and
     * completion time are frozen with them. The row lock is the one the chief's lock takes, so the two
     * cannot interleave.
     */
    private static void requireUnlocked(Stores tx, long eventId) {
        if (tx.events().findForUpdate(eventId).orElseThrow().locked()) {
            throw ApiException.conflict("EVENT_LOCKED", "The event is locked by its chief judge; entry status and time "
                    + "change only while it is unlocked.", List.of(new Problem("eventId", "is locked")));
        }
    }

    private static ApiException duplicate(String field, String problem) {
        return ApiException.conflict("DUPLICATE", "Already registered: " + problem + ".", List.of(new Problem(field, problem)));
    }

    /** ID birth dates are checked against today in China, where contests are held. */
    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), CHINA);
    }
}
