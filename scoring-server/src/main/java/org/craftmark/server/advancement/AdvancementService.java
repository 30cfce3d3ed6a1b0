package org.craftmark.server.advancement;

import io.vertx.core.json.JsonObject;
import org.craftmark.core.common.Problem;
import org.craftmark.core.people.ResidentId;
import org.craftmark.core.pipeline.Advancement;
import org.craftmark.core.pipeline.AdvancementPlan;
import org.craftmark.core.pipeline.AdvancingEntry;
import org.craftmark.core.pipeline.ContestStatus;
import org.craftmark.core.pipeline.RankedResult;
import org.craftmark.core.pipeline.Skipped;
import org.craftmark.core.pipeline.SourceEvent;
import org.craftmark.core.pipeline.TargetEvent;
import org.craftmark.server.audit.AuditLog;
import org.craftmark.server.auth.Access;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.http.ApiException;
import org.craftmark.server.results.BoardRow;
import org.craftmark.server.results.PublishedResults;
import org.craftmark.server.store.ContestStore.StoredContest;
import org.craftmark.server.store.Database;
import org.craftmark.server.store.EntryStore.Member;
import org.craftmark.server.store.EntryStore.NewEntry;
import org.craftmark.server.store.EntryStore.StoredEntry;
import org.craftmark.server.store.EventStore.StoredEvent;
import org.craftmark.server.store.Stores;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;

/**
 * Advancement (晋级, 三级竞赛体系): after a contest is FINAL, the best entries of each event are entered
 * in the matching event of the contest it feeds into, by the rulebook's {@link Advancement} from the
 * newest published results. Repeating it creates nothing new and answers the same list; once the fed
 * contest has started, a contest that advanced before still answers its list, one that did not is 409.
 */
public final class AdvancementService {
    /** One advanced entry: where it came from, its rank there, and the entry made for it. */
    public record Advanced(long sourceEventId, long entryId, String bib, int rank, long toEventId, long toEntryId,
                           String toBib, String name) {
    }

    /** A skipped source event ({@code entryId} null) or entry, and why. */
    public record SkippedItem(Skipped skipped, String bib) {
    }

    /**
     * Who advanced where and who was skipped. {@code preview} reports are what an advance would do now,
     * nothing created: {@code advanced} then also lists the entries it would create (toEntryId 0).
     */
    public record Report(StoredContest source, StoredContest target, List<Advanced> advanced, List<SkippedItem> skipped,
                         boolean preview) {
    }

    private final Database db;
    private final AuditLog audit;
    private final Clock clock;
    private final List<LongConsumer> eventChanged = new CopyOnWriteArrayList<>();

    public AdvancementService(Database db, AuditLog audit, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
    }

    /** Told (with the target event id) after advanced entries were committed there. */
    public void onEventChanged(LongConsumer listener) {
        eventChanged.add(listener);
    }

    public Report advance(SignedInUser actor, long contestId) {
        Report report = db.transaction(tx -> {
            Planning planning = planning(tx, actor, contestId, true);
            if (planning.plan() == null) {
                return report(tx, planning, List.of(), false);
            }
            for (AdvancingEntry entry : planning.plan().advancing()) {
                create(tx, actor, planning, entry);
            }
            Instant now = clock.instant();
            if (planning.source().advancedAt() == null) {
                tx.contests().markAdvanced(contestId, now);
            }
            audit.record(tx, actor, "contest.advance", "contest:" + contestId, contestId, new JsonObject()
                    .put("into", planning.target().id()).put("created", planning.plan().advancing().size())
                    .put("skipped", planning.plan().skipped().size()));
            return report(tx, planning, planning.plan().skipped(), false);
        });
        report.advanced().stream().map(Advanced::toEventId).distinct().forEach(id -> eventChanged.forEach(l -> l.accept(id)));
        return report;
    }

    /** What advancing would do now; creates nothing. */
    public Report preview(SignedInUser actor, long contestId) {
        return db.transaction(tx -> {
            Planning planning = planning(tx, actor, contestId, false);
            if (planning.plan() == null) {
                return report(tx, planning, List.of(), true);
            }
            Report done = report(tx, planning, planning.plan().skipped(), true);
            List<Advanced> all = new ArrayList<>(done.advanced());
            planning.plan().advancing().forEach(a -> all.add(advanced(planning, a, 0)));
            return new Report(done.source(), done.target(), all, done.skipped(), true);
        });
    }

    /** The contests, and the plan — null when the fed contest no longer takes entries but this one advanced before. */
    private record Planning(StoredContest source, StoredContest target, List<StoredEvent> sourceEvents,
                            Map<Long, StoredEntry> sourceEntries, AdvancementPlan plan) {
    }

    private Planning planning(Stores tx, SignedInUser actor, long contestId, boolean lock) {
        StoredContest source = (lock ? tx.contests().findForUpdate(contestId) : tx.contests().find(contestId))
                .orElseThrow(() -> ApiException.notFound("Contest " + contestId));
        Access.requireOrganizerOf(actor, source.region(), tx.regions().tree());
        if (source.status() != ContestStatus.FINAL) {
            throw wrongState("Only a FINAL contest advances its winners; this one is " + source.status() + ".", "status");
        }
        if (source.feedsInto() == null) {
            throw wrongState("Contest " + source.name() + " feeds into no contest of the next tier.", "feedsInto");
        }
        StoredContest target = (lock ? tx.contests().findForUpdate(source.feedsInto()) : tx.contests().find(source.feedsInto()))
                .orElseThrow();
        List<StoredEvent> sourceEvents = tx.events().ofContest(contestId);
        Map<Long, StoredEntry> sourceEntries = new HashMap<>();
        sourceEvents.forEach(e -> tx.entries().ofEvent(e.id()).forEach(entry -> sourceEntries.put(entry.id(), entry)));
        if (!target.status().acceptsEntries()) {
            if (source.advancedAt() != null) {
                return new Planning(source, target, sourceEvents, sourceEntries, null);
            }
            throw wrongState("The fed contest " + target.name() + " (#" + target.id() + ") is " + target.status()
                    + "; it must be DRAFT or OPEN to take advanced entries.", "feedsInto");
        }
        List<SourceEvent> sources = sourceEvents.stream().map(e -> sourceEvent(tx, source, e, sourceEntries)).toList();
        List<TargetEvent> targets = tx.events().ofContest(target.id()).stream().map(e -> targetEvent(tx, e)).toList();
        var outcome = Advancement.plan(source.status(), source.region(), sources, target.status(), targets);
        if (outcome instanceof Advancement.Outcome.WrongState wrong) {
            throw wrongState("Advancement is not possible: " + wrong.problem().problem() + ".", wrong.problem().field());
        }
        return new Planning(source, target, sourceEvents, sourceEntries, ((Advancement.Outcome.Planned) outcome).plan());
    }

    private static SourceEvent sourceEvent(Stores tx, StoredContest contest, StoredEvent event, Map<Long, StoredEntry> entries) {
        List<RankedResult> results = new ArrayList<>();
        for (BoardRow row : PublishedResults.latest(tx, contest, event.id())) {
            StoredEntry entry = entries.get(row.entryId());
            results.add(new RankedResult(entry.id(), entry.bib(), row.rank(), row.total(), row.status(), entry.homeRegion(),
                    persons(entry)));
        }
        return new SourceEvent(event.id(), event.key(), event.advanceQuota(), event.advanceMinScore(), results);
    }

    private static TargetEvent targetEvent(Stores tx, StoredEvent event) {
        Set<ResidentId> entered = new HashSet<>();
        Set<String> bibs = new HashSet<>();
        Set<Long> advancedFrom = new HashSet<>();
        for (StoredEntry entry : tx.entries().ofEvent(event.id())) {
            entered.addAll(persons(entry));
            bibs.add(entry.bib());
            if (entry.sourceEntryId() != null) {
                advancedFrom.add(entry.sourceEntryId());
            }
        }
        return new TargetEvent(event.id(), event.key(), entered, bibs, advancedFrom, event.teamSize());
    }

    private static List<ResidentId> persons(StoredEntry entry) {
        return entry.members().stream().map(m -> ResidentId.ofRegistered(m.idNumber())).toList();
    }

    /** The advanced entry copies the competitor(s) as registered for the source entry. */
    private void create(Stores tx, SignedInUser actor, Planning planning, AdvancingEntry advancing) {
        StoredEntry source = planning.sourceEntries().get(advancing.sourceEntryId());
        List<Member> members = List.copyOf(source.members());
        long id = tx.entries().insert(new NewEntry(advancing.targetEventId(), advancing.bib(), source.teamName(),
                advancing.homeRegion(), source.id(), advancing.sourceRank(), members), clock.instant());
        // Like registration, the audit keeps the bib and the number of members, never ID numbers.
        audit.record(tx, actor, "entry.create", "entry:" + id, planning.target().id(), new JsonObject()
                .put("eventId", advancing.targetEventId()).put("bib", advancing.bib()).put("members", members.size())
                .put("sourceEntryId", source.id()).put("sourceRank", advancing.sourceRank()));
    }

    /** Every entry in the fed contest that came from this contest, by source event, rank, bib. */
    private static Report report(Stores tx, Planning planning, List<Skipped> skipped, boolean preview) {
        List<Advanced> advanced = new ArrayList<>();
        for (StoredEvent event : tx.events().ofContest(planning.target().id())) {
            for (StoredEntry entry : tx.entries().ofEvent(event.id())) {
                StoredEntry source = entry.sourceEntryId() == null ? null : planning.sourceEntries().get(entry.sourceEntryId());
                if (source != null) {
                    advanced.add(new Advanced(source.eventId(), source.id(), source.bib(), entry.sourceRank(), event.id(), entry.id(),
                            entry.bib(), displayName(entry)));
                }
            }
        }
        advanced.sort(Comparator.comparingLong(Advanced::sourceEventId).thenComparingInt(Advanced::rank).thenComparing(Advanced::bib));
        List<SkippedItem> items = skipped.stream().map(s -> new SkippedItem(s,
                s.sourceEntryId() == null ? null : planning.sourceEntries().get(s.sourceEntryId()).bib())).toList();
        return new Report(tx.contests().find(planning.source().id()).orElseThrow(), planning.target(), advanced, items, preview);
    }

    private static Advanced advanced(Planning planning, AdvancingEntry a, long toEntryId) {
        StoredEntry source = planning.sourceEntries().get(a.sourceEntryId());
        return new Advanced(source.eventId(), source.id(), source.bib(), a.sourceRank(), a.targetEventId(), toEntryId, a.bib(),
                displayName(source));
    }

    private static String displayName(StoredEntry entry) {
        return entry.teamName() != null ? entry.teamName() : entry.members().isEmpty() ? "" : entry.members().getFirst().name();
    }

    private static ApiException wrongState(String message, String field) {
        return ApiException.conflict("WRONG_STATE", message, List.of(new Problem(field, message)));
    }
}
