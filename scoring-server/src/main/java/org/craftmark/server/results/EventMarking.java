package org.craftmark.server.results;

import org.craftmark.core.common.Problem;
import org.craftmark.core.contest.EntryStatus;
import org.craftmark.core.marking.Criterion;
import org.craftmark.core.marking.CriterionResult;
import org.craftmark.core.marking.EntryScore;
import org.craftmark.core.ranking.Leaderboard;
import org.craftmark.core.ranking.Ranking;
import org.craftmark.core.ranking.ScoredEntry;
import org.craftmark.server.store.EntryStore.StoredEntry;
import org.craftmark.server.store.EventStore.StoredEvent;
import org.craftmark.server.store.MarkStore.StoredMark;
import org.craftmark.server.store.Stores;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An event's marks as the rulebook sees them, read in one transaction: every entry's score from the
 * judges' current marks (competition-core scores and ranks; nothing is decided in SQL). The lock
 * check, the progress view and the recheck's draw all read from this, so they agree with each other
 * and with what is committed — not with a board that may be a moment behind. Only marks that count
 * are read (see {@link CountingMarks}).
 */
public final class EventMarking {
    private final StoredEvent event;
    private final List<StoredEntry> entries;
    /** Current marks: entry → criterion → judge → value. */
    private final Map<Long, Map<String, Map<Long, BigDecimal>>> marks = new HashMap<>();
    private final Map<Long, EntryScore> scores = new LinkedHashMap<>();

    private EventMarking(StoredEvent event, List<StoredEntry> entries, List<StoredMark> current) {
        this.event = event;
        this.entries = entries;
        for (StoredMark m : current) {
            marks.computeIfAbsent(m.entryId(), k -> new HashMap<>()).computeIfAbsent(m.criterion(), k -> new HashMap<>())
                    .put(m.judgeUserId(), m.value());
        }
        for (StoredEntry entry : entries) {
            Map<String, List<BigDecimal>> values = new HashMap<>();
            marks.getOrDefault(entry.id(), Map.of()).forEach((code, byJudge) -> values.put(code, List.copyOf(byJudge.values())));
            scores.put(entry.id(), event.scheme().score(values));
        }
    }

    public static EventMarking read(Stores tx, StoredEvent event) {
        return new EventMarking(event, tx.entries().ofEvent(event.id()), CountingMarks.ofEvent(tx, event.id()));
    }

    /** ACTIVE entries, in bib order: the ones that are ranked and must be complete. */
    public List<StoredEntry> activeEntries() {
        return entries.stream().filter(e -> e.status() == EntryStatus.ACTIVE).toList();
    }

    public CriterionResult result(StoredEntry entry, String criterion) {
        return scores.get(entry.id()).criteria().get(criterion);
    }

    public boolean hasMark(StoredEntry entry, String criterion, long judgeUserId) {
        return marks.getOrDefault(entry.id(), Map.of()).getOrDefault(criterion, Map.of()).containsKey(judgeUserId);
    }

    /** The counting current marks of the entry on the criterion: judge → value. */
    public Map<Long, BigDecimal> marksOf(StoredEntry entry, String criterion) {
        return Map.copyOf(marks.getOrDefault(entry.id(), Map.of()).getOrDefault(criterion, Map.of()));
    }

    /** The counting current marks of the entry on the criterion. */
    public int markCount(StoredEntry entry, String criterion) {
        return marks.getOrDefault(entry.id(), Map.of()).getOrDefault(criterion, Map.of()).size();
    }

    /** The live leaderboard, as the rulebook ranks the current totals. */
    public Leaderboard leaderboard() {
        List<ScoredEntry> scored = entries.stream()
                .map(e -> new ScoredEntry(e.bib(), e.status(), e.completionSeconds(), scores.get(e.id())))
                .toList();
        return Ranking.rank(event.scheme().tieBreak(), scored);
    }

    /**
     * What keeps the event from being locked: each criterion of an ACTIVE entry that is incomplete,
     * as {@code entry A07: B1} → {@code 2 of 3 marks}, or {@code discrepancy} when its WSS marks are
     * more than 1 apart. In bib order, then scheme order.
     */
    public List<Problem> incomplete() {
        List<Problem> problems = new ArrayList<>();
        for (StoredEntry entry : activeEntries()) {
            for (Criterion criterion : event.scheme().criteria()) {
                CriterionResult result = result(entry, criterion.code());
                if (result.discrepancy()) {
                    problems.add(new Problem("entry " + entry.bib() + ": " + criterion.code(), "discrepancy"));
                } else if (!result.complete()) {
                    problems.add(new Problem("entry " + entry.bib() + ": " + criterion.code(),
                            markCount(entry, criterion.code()) + " of " + criterion.judges() + " marks"));
                }
            }
        }
        return problems;
    }
}
