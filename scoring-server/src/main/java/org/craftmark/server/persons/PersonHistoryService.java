package org.craftmark.server.persons;

import org.craftmark.core.people.ResidentId;
import org.craftmark.core.pipeline.RegionCode;
import org.craftmark.core.pipeline.RegionTree;
import org.craftmark.server.auth.Role;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.http.ApiException;
import org.craftmark.server.results.BoardRow;
import org.craftmark.server.results.PublishedResults;
import org.craftmark.server.store.CertificateStore.StoredCertificate;
import org.craftmark.server.store.ContestStore.StoredContest;
import org.craftmark.server.store.EntitlementStore.StoredEntitlement;
import org.craftmark.server.store.Database;
import org.craftmark.server.store.EntryStore.Person;
import org.craftmark.server.store.EntryStore.StoredEntry;
import org.craftmark.server.store.EventStore.StoredEvent;
import org.craftmark.server.store.Stores;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

/**
 * A person's history (参赛履历): every entry across contests and tiers, oldest first, with the
 * published rank, prize and total, how they got there (the source entry of an advancement) and what
 * was awarded. ADMIN sees all of it; an organizer or HR officer sees the entries whose contest region
 * or home region lies in their own region — someone they never had any part in is "not found".
 */
public final class PersonHistoryService {
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    /**
     * One entry of the history; {@code result} is null until its results are published,
     * {@code entitlement} (and {@code certificate}) until the contest is FINAL (and a level awarded).
     */
    public record Item(StoredContest contest, StoredEvent event, StoredEntry entry, BoardRow result,
                       StoredEntitlement entitlement, StoredCertificate certificate) {
    }

    public record History(Person person, List<Item> items) {
    }

    private final Database db;
    private final Clock clock;

    public PersonHistoryService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public History history(SignedInUser actor, String idNumber) {
        requireMayLookUp(actor);
        ResidentId id = ResidentId.parse(idNumber, LocalDate.ofInstant(clock.instant(), CHINA)).orElseThrow();
        Stores stores = db.stores();
        Person person = stores.entries().person(id.number()).orElseThrow(PersonHistoryService::unknown);
        RegionTree regions = stores.regions().tree();
        List<Item> items = stores.entries().ofPerson(person.id()).stream()
                .map(entry -> item(stores, entry, person))
                .filter(item -> visible(actor, item, regions))
                .sorted(Comparator.comparingInt((Item i) -> i.contest().year()).thenComparing(i -> i.contest().tier())
                        .thenComparingLong(i -> i.entry().id()))
                .toList();
        if (items.isEmpty()) {
            throw unknown();
        }
        return new History(person, items);
    }

    private static Item item(Stores stores, StoredEntry entry, Person person) {
        StoredEvent event = stores.events().find(entry.eventId()).orElseThrow();
        StoredContest contest = stores.contests().find(event.contestId()).orElseThrow();
        BoardRow result = PublishedResults.latest(stores, contest, event.id()).stream()
                .filter(row -> row.entryId() == entry.id()).findFirst().orElse(null);
        StoredEntitlement entitlement = stores.entitlements().ofEntry(entry.id()).stream()
                .filter(e -> e.entitlement().personId() == person.id()).findFirst().orElse(null);
        StoredCertificate certificate = entitlement == null ? null : stores.certificates().ofEntitlement(entitlement.id()).orElse(null);
        return new Item(contest, event, entry, result, entitlement, certificate);
    }

    private static void requireMayLookUp(SignedInUser actor) {
        if (!actor.is(Role.ADMIN) && !actor.is(Role.ORGANIZER) && !actor.is(Role.HR)) {
            throw ApiException.forbidden("Only ADMIN, organizers and HR look up a person's history.");
        }
    }

    private static boolean visible(SignedInUser actor, Item item, RegionTree regions) {
        if (actor.is(Role.ADMIN)) {
            return true;
        }
        if (actor.regionCode() == null) {
            return false;
        }
        RegionCode own = new RegionCode(actor.regionCode());
        return regions.isWithin(item.contest().region(), own) || regions.isWithin(item.entry().homeRegion(), own);
    }

    private static ApiException unknown() {
        return ApiException.notFound("A person with this ID number");
    }
}
