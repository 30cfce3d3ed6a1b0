package org.craftmark.bench.documents;

import org.craftmark.bench.intake.IntakeFixture;
import org.craftmark.core.people.ResidentId;
import org.craftmark.core.pipeline.LifecycleAction;
import org.craftmark.core.ranking.RecordedRanking.Place;
import org.craftmark.server.Craftmark;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.store.EntryStore.StoredEntry;
import org.jooq.exception.DataAccessException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * A PUBLISHED district contest whose finalization awards a level — so a certificate — to every
 * ranked entry: {@code events} events of {@code perEvent} ≤ 6 entries (a district awards L3 to ranks
 * 1–6), registered by CSV import and ranked by recorded results ({@code results:import}), notice
 * period 0 days so it can be finalized at once. Built through the services, as an organizer would.
 */
public record CertificateFixture(long contestId, List<Long> eventIds, int entries) {
    private static final int MAX_CERTIFIED_RANK = 6;

    public static CertificateFixture published(Craftmark.Services services, int events, int perEvent) {
        if (perEvent > MAX_CERTIFIED_RANK) {
            throw new IllegalArgumentException("a district certifies ranks 1–6 only");
        }
        SignedInUser admin = services.users().find("admin").orElseThrow();
        long contest = IntakeFixture.createContest(services, admin, 0);
        List<Long> eventIds = new ArrayList<>();
        for (int e = 0; e < events; e++) {
            eventIds.add(IntakeFixture.createEvent(services, admin, contest, e));
        }
        services.contests().move(admin, contest, LifecycleAction.OPEN);
        // Events are independent: registering and ranking them side by side shortens the set-up.
        IntStream.range(0, events).parallel().forEach(e -> retried(() -> services.entries().importCsv(admin, eventIds.get(e),
                registrations(e * perEvent, perEvent))));
        services.contests().move(admin, contest, LifecycleAction.START);
        eventIds.parallelStream().forEach(event -> retried(() -> services.recorded().record(admin, event, ranks(services, admin, event))));
        services.publication().publish(admin, contest);
        return new CertificateFixture(contest, List.copyOf(eventIds), events * perEvent);
    }

    /** Person {@code index}'s resident ID: distinct for every index below 900,000, valid check character. */
    public static String idNumber(int index) {
        LocalDate born = LocalDate.of(1970, 1, 1).plusDays(index / 900);
        return ResidentId.withCheckCharacter(String.format(Locale.ROOT, "110112%04d%02d%02d%03d", born.getYear(),
                born.getMonthValue(), born.getDayOfMonth(), 100 + index % 900));
    }

    private static String registrations(int firstPerson, int count) {
        StringBuilder csv = new StringBuilder("bib,name,idNumber,employer,trainingUnit,currentLevel\n");
        for (int i = 0; i < count; i++) {
            int person = firstPerson + i;
            csv.append(String.format(Locale.ROOT, "A%03d,选手%d,%s,单位%d,培训中心%d,NONE%n", i + 1, person, idNumber(person),
                    person % 500, person % 50));
        }
        return csv.toString();
    }

    /** Every entry ranked in bib order, 1…n: the recorded results of a contest run elsewhere. */
    private static List<Place> ranks(Craftmark.Services services, SignedInUser admin, long event) {
        List<StoredEntry> entries = new ArrayList<>(services.entries().list(admin, event));
        entries.sort(java.util.Comparator.comparing(StoredEntry::bib));
        List<Place> places = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            places.add(new Place(entries.get(i).id(), i + 1, null));
        }
        return places;
    }

    /** Events set up side by side can deadlock in InnoDB (the audit head); the loser is tried again. */
    private static <T> T retried(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (DataAccessException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }
}
