package org.craftmark.server.faults;

import org.craftmark.server.testing.Season;
import org.craftmark.server.testing.SeasonOverHttp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A PUBLISHED district contest of 通州区 (notice period 0 days, so it can be finalized at once) with
 * {@code events} events of {@code perEvent} competitors each, registered by CSV import and ranked in
 * bib order by recorded results ({@code results:import}): the quickest way, over the API, to a
 * finalization that writes many rows. Every competitor registers as L5 and is somebody new, so a
 * district awards L3 — a certificate — to ranks 1–6 of every event.
 */
record ContestToFinalize(long id, List<Long> events, int entries) {
    static final int CERTIFIED_RANKS = 6;
    /** {@link Season#idNumber} is distinct below this. */
    private static final int DISTINCT_PEOPLE = 21_000;

    /** Competitors are numbered from {@code firstPerson}, so contests of one database share nobody. */
    static ContestToFinalize published(SeasonOverHttp season, String name, int events, int perEvent, int firstPerson) {
        if (firstPerson + events * perEvent > DISTINCT_PEOPLE) {
            throw new IllegalArgumentException("more competitors than distinct ID numbers");
        }
        long contest = season.contest(name, "DISTRICT", "110112", null, 0);
        List<Long> eventIds = new ArrayList<>();
        for (int e = 0; e < events; e++) {
            eventIds.add(season.event(contest, String.format("6-18-01-%02d", e + 1), "车工 " + (e + 1), null, null));
        }
        season.move(contest, "open");
        for (int e = 0; e < events; e++) {
            season.importCsv(eventIds.get(e), Season.csv(firstPerson + e * perEvent, perEvent));
        }
        season.move(contest, "start");
        eventIds.forEach(event -> season.record(event, inBibOrder(season.entriesByBib(event))));
        season.move(contest, "publish");
        return new ContestToFinalize(contest, List.copyOf(eventIds), events * perEvent);
    }

    int certificates() {
        return events.size() * CERTIFIED_RANKS;
    }

    private static Map<Long, Integer> inBibOrder(Map<String, Long> entriesByBib) {
        Map<Long, Integer> ranks = new LinkedHashMap<>();
        entriesByBib.values().forEach(entry -> ranks.put(entry, ranks.size() + 1));
        return ranks;
    }
}
