package org.craftmark.server.entitlements;

import io.vertx.core.json.JsonObject;
import org.craftmark.core.awards.ContestFacts;
import org.craftmark.core.awards.EntitlementRow;
import org.craftmark.core.awards.Entitlements;
import org.craftmark.core.awards.EventFacts;
import org.craftmark.core.awards.EventStandings;
import org.craftmark.core.awards.Member;
import org.craftmark.core.awards.RankedEntry;
import org.craftmark.core.people.ResidentId;
import org.craftmark.core.pipeline.RegionTree;
import org.craftmark.server.audit.AuditLog;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.certificates.CertificateIssuer;
import org.craftmark.server.contests.FinalizationStep;
import org.craftmark.server.results.BoardRow;
import org.craftmark.server.results.PublishedResults;
import org.craftmark.server.store.ContestStore.StoredContest;
import org.craftmark.server.store.EntitlementStore.AwardedLevel;
import org.craftmark.server.store.EntitlementStore.Entitlement;
import org.craftmark.server.store.EntryStore;
import org.craftmark.server.store.EntryStore.StoredEntry;
import org.craftmark.server.store.EventStore.StoredEvent;
import org.craftmark.server.store.Stores;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Entitlements at FINAL (以赛代评 and awards): in the finalize transaction, one row for every ranked
 * person of the newest published results — prize, skill level (or why none), title and the cash
 * awards of every paying region — by the rulebook's {@link Entitlements}, then a certificate for
 * every awarded level. A contest that has its rows already gets nothing more: nothing is issued twice.
 */
public final class EntitlementService implements FinalizationStep {
    /** Who a ranked person is in this contest: the person's row, the entry, the member position, the published total. */
    private record Seat(long personId, StoredEntry entry, StoredEvent event, int position, BigDecimal total) {
    }

    private final AuditLog audit;
    private final CertificateIssuer certificates;

    public EntitlementService(AuditLog audit, CertificateIssuer certificates) {
        this.audit = audit;
        this.certificates = certificates;
    }

    @Override
    public void contestFinal(Stores tx, SignedInUser actor, StoredContest contest, Instant at) {
        if (tx.entitlements().existForContest(contest.id())) {
            return;
        }
        RegionTree regions = tx.regions().tree();
        Entitlements rules = Entitlements.withDefaultTables(tx.awardPolicies().all(), regions);
        Map<String, Seat> seats = new HashMap<>();
        List<EventStandings> standings = standings(tx, contest, seats);
        ContestFacts facts = new ContestFacts(contest.tier(), contest.category(), regions.cityName(contest.region()));
        List<CertificateIssuer.Awarded> awarded = new ArrayList<>();
        long individual = 0;
        long unit = 0;
        List<EntitlementRow> rows = rules.forContest(facts, standings);
        for (EntitlementRow row : rows) {
            Seat seat = seats.get(key(row.entryId(), row.person()));
            long id = tx.entitlements().insert(entitlement(contest, seat, row), at);
            if (row.levelAwarded() != null) {
                awarded.add(new CertificateIssuer.Awarded(id, seat.personId(), seat.entry().members().get(seat.position()).name(),
                        seat.event(), row.levelAwarded()));
            }
            individual += row.individualAward();
            unit += row.unitAward();
        }
        int issued = certificates.issue(tx, actor, contest, awarded, at);
        audit.record(tx, actor, "entitlements.issue", "contest:" + contest.id(), contest.id(), new JsonObject()
                .put("rows", rows.size()).put("certificates", issued).put("individualAwards", individual).put("unitAwards", unit)
                .put("resultsVersion", contest.resultsVersion()));
    }

    /** Every event with ranked entries, in event order, its entries by rank as published. */
    private static List<EventStandings> standings(Stores tx, StoredContest contest, Map<String, Seat> seats) {
        List<EventStandings> standings = new ArrayList<>();
        for (StoredEvent event : tx.events().ofContest(contest.id())) {
            Map<Long, StoredEntry> entries = new HashMap<>();
            tx.entries().ofEvent(event.id()).forEach(e -> entries.put(e.id(), e));
            List<RankedEntry> ranked = new ArrayList<>();
            for (BoardRow row : PublishedResults.latest(tx, contest, event.id())) {
                if (row.rank() != null) {
                    ranked.add(rankedEntry(tx, contest, event, entries.get(row.entryId()), row, seats));
                }
            }
            if (!ranked.isEmpty()) {
                standings.add(new EventStandings(new EventFacts(event.group(), event.mode(), event.teamSize(), ranked.size()), ranked));
            }
        }
        return standings;
    }

    private static RankedEntry rankedEntry(Stores tx, StoredContest contest, StoredEvent event, StoredEntry entry, BoardRow row,
                                           Map<String, Seat> seats) {
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < entry.members().size(); i++) {
            EntryStore.Member registered = entry.members().get(i);
            long personId = tx.entries().person(registered.idNumber()).orElseThrow().id();
            List<AwardedLevel> earlier = tx.entitlements().levelsAwarded(personId, contest.id());
            ResidentId person = ResidentId.ofRegistered(registered.idNumber());
            members.add(new Member(person, Member.currentLevel(registered.currentLevel(), earlier.stream().map(AwardedLevel::level).toList()),
                    earlier.stream().anyMatch(a -> a.year() == contest.year()), registered.employer(), registered.trainingUnit()));
            seats.put(key(entry.id(), person), new Seat(personId, entry, event, i, row.total()));
        }
        return new RankedEntry(entry.id(), row.rank(), entry.homeRegion(), members);
    }

    private static Entitlement entitlement(StoredContest contest, Seat seat, EntitlementRow row) {
        return new Entitlement(contest.id(), seat.event().id(), seat.entry().id(), seat.personId(), seat.position(), contest.year(),
                contest.resultsVersion(), seat.entry().homeRegion(), row.rank(), seat.total(), row.prize(), row.levelAwarded(),
                row.levelReason() == null ? null : row.levelReason().name(), row.title(), row.individualAward(), row.unitAward(),
                row.unit(), row.awards());
    }

    private static String key(long entryId, ResidentId person) {
        return entryId + "/" + person.number();
    }
}
