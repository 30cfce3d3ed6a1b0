package org.craftmark.server.results;

import org.craftmark.core.marking.Criterion;
import org.craftmark.core.marking.CriterionResult;
import org.craftmark.core.marking.EntryScore;
import org.craftmark.core.marking.MarkingScheme;
import org.craftmark.core.marking.Panel;
import org.craftmark.core.ranking.Leaderboard;
import org.craftmark.core.ranking.Ranking;
import org.craftmark.core.ranking.RecordedRanking;
import org.craftmark.core.ranking.RecordedRanking.Place;
import org.craftmark.core.ranking.ScoredEntry;
import org.craftmark.core.ranking.Standing;
import org.craftmark.server.store.EntryStore.StoredEntry;
import org.craftmark.server.store.EventStore.StoredEvent;
import org.craftmark.server.store.MarkStore.StoredMark;
import org.craftmark.server.store.RecordedResultStore.RecordedResult;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One event's leaderboard, kept current in memory: a new mark rescores its one criterion of its one
 * entry and re-ranks (the rulebook's {@link Ranking}); nothing is read back from SQL per mark.
 * Every change that alters rows increases {@code seq}.
 */
final class EventBoard {
    /** A judge's current mark: the highest version seen wins, whatever order they arrive in. */
    private record Current(int version, BigDecimal value) {
    }

    /** What a change did: the rows that differ, and the seq that carries them. */
    record Change(long seq, List<BoardRow> rows) {
        boolean isEmpty() {
            return rows.isEmpty();
        }
    }

    private final StoredEvent event;
    private final MarkingScheme scheme;
    private Panel panel;
    private final Map<Long, StoredEntry> entries = new LinkedHashMap<>();
    private final Map<String, Long> entryByBib = new HashMap<>();
    private final Map<Long, Map<String, Map<Long, Current>>> marks = new HashMap<>();
    private final Map<Long, Map<String, CriterionResult>> results = new HashMap<>();
    private final Map<Long, EntryScore> scores = new HashMap<>();
    private Map<Long, BoardRow> rows = Map.of();
    /** The recorded places of an event run elsewhere: they rank it instead of marks. Empty otherwise. */
    private List<Place> recorded = List.of();
    private long seq;

    /**
     * @param panel    whose marks count: a mark of a judge whose seat does not cover its criterion is ignored
     * @param recorded the ranks recorded for an event whose contest was run elsewhere (then marks are
     *                 ignored); empty for a marked event
     */
    EventBoard(StoredEvent event, Panel panel, List<StoredEntry> entries, List<StoredMark> currentMarks,
               List<RecordedResult> recorded, long seq) {
        this.event = event;
        this.scheme = event.scheme();
        this.panel = panel;
        this.recorded = recorded.stream().map(r -> new Place(r.entryId(), r.rank(), r.total())).toList();
        this.seq = seq;
        entries.forEach(e -> {
            this.entries.put(e.id(), e);
            entryByBib.put(e.bib(), e.id());
        });
        currentMarks.stream().filter(m -> panel.counts(m.judgeUserId(), m.criterion())).forEach(this::remember);
        this.entries.keySet().forEach(this::rescore);
        rows = rank();
    }

    long eventId() {
        return event.id();
    }

    synchronized long seq() {
        return seq;
    }

    /** Rows in leaderboard order, with the seq they belong to. */
    synchronized Snapshot snapshot() {
        return new Snapshot(seq, List.copyOf(rows.values()));
    }

    record Snapshot(long seq, List<BoardRow> rows) {
    }

    /** Scores of every entry, for lock checks and progress views. */
    synchronized Map<Long, EntryScore> scores() {
        return Map.copyOf(scores);
    }

    synchronized Change apply(StoredMark mark) {
        if (!recorded.isEmpty() || !entries.containsKey(mark.entryId()) || !panel.counts(mark.judgeUserId(), mark.criterion())
                || !remember(mark)) {
            return new Change(seq, List.of());
        }
        rescoreCriterion(mark.entryId(), mark.criterion());
        return advance(rank());
    }

    /**
     * A group's marks of this event, in order: each remembered as {@link #apply} would, then the
     * criteria they touched rescored and the board ranked once — one change (one seq) for all.
     */
    synchronized Change applyAll(List<StoredMark> group) {
        if (!recorded.isEmpty()) {
            return new Change(seq, List.of());
        }
        java.util.Set<Map.Entry<Long, String>> touched = new java.util.LinkedHashSet<>();
        for (StoredMark mark : group) {
            if (entries.containsKey(mark.entryId()) && panel.counts(mark.judgeUserId(), mark.criterion()) && remember(mark)) {
                touched.add(Map.entry(mark.entryId(), mark.criterion()));
            }
        }
        if (touched.isEmpty()) {
            return new Change(seq, List.of());
        }
        touched.forEach(t -> rescoreCriterion(t.getKey(), t.getValue()));
        return advance(rank());
    }

    /** Takes the board another rebuild made (after status, time, seat or correction changes) and diffs it. */
    synchronized Change replaceWith(EventBoard rebuilt) {
        panel = rebuilt.panel;
        recorded = rebuilt.recorded;
        entries.clear();
        entries.putAll(rebuilt.entries);
        entryByBib.clear();
        entryByBib.putAll(rebuilt.entryByBib);
        marks.clear();
        marks.putAll(rebuilt.marks);
        results.clear();
        results.putAll(rebuilt.results);
        scores.clear();
        scores.putAll(rebuilt.scores);
        return advance(rebuilt.rows);
    }

    private Change advance(Map<Long, BoardRow> next) {
        List<BoardRow> changed = new ArrayList<>();
        for (BoardRow row : next.values()) {
            if (!Objects.equals(rows.get(row.entryId()), row)) {
                changed.add(row);
            }
        }
        rows = next;
        if (changed.isEmpty()) {
            return new Change(seq, List.of());
        }
        seq++;
        return new Change(seq, changed);
    }

    private boolean remember(StoredMark mark) {
        Map<Long, Current> byJudge = marks.computeIfAbsent(mark.entryId(), k -> new HashMap<>())
                .computeIfAbsent(mark.criterion(), k -> new HashMap<>());
        Current known = byJudge.get(mark.judgeUserId());
        if (known != null && known.version() >= mark.version()) {
            return false;
        }
        byJudge.put(mark.judgeUserId(), new Current(mark.version(), mark.value()));
        return true;
    }

    private void rescore(long entryId) {
        for (Criterion criterion : scheme.criteria()) {
            rescoreCriterion(entryId, criterion.code());
        }
    }

    private void rescoreCriterion(long entryId, String code) {
        Criterion criterion = scheme.criterion(code).orElseThrow();
        List<BigDecimal> values = marks.getOrDefault(entryId, Map.of()).getOrDefault(code, Map.of())
                .values().stream().map(Current::value).toList();
        Map<String, CriterionResult> entryResults = results.computeIfAbsent(entryId, k -> new HashMap<>());
        entryResults.put(code, CriterionResult.of(criterion, values));
        scores.put(entryId, EntryScore.of(scheme, entryResults));
    }

    private Map<Long, BoardRow> rank() {
        Leaderboard board = recorded.isEmpty() ? Ranking.rank(scheme.tieBreak(), scored()) : RecordedRanking.leaderboard(entrants(), recorded);
        Map<Long, BoardRow> ordered = new LinkedHashMap<>();
        for (Standing standing : board.rows()) {
            StoredEntry entry = entries.get(entryByBib.get(standing.bib()));
            ordered.put(entry.id(), row(standing, entry, recordedTotal(entry.id(), standing)));
        }
        return ordered;
    }

    private List<ScoredEntry> scored() {
        return entries.values().stream()
                .map(e -> new ScoredEntry(e.bib(), e.status(), e.completionSeconds(), scores.get(e.id())))
                .toList();
    }

    private List<RecordedRanking.Entrant> entrants() {
        return entries.values().stream().map(e -> new RecordedRanking.Entrant(e.id(), e.bib(), e.status())).toList();
    }

    /** A recorded result shows the total the other system reported, or none; a marked one its own total. */
    private BigDecimal recordedTotal(long entryId, Standing standing) {
        if (recorded.isEmpty()) {
            return standing.total();
        }
        return recorded.stream().filter(p -> p.entryId() == entryId).findFirst().map(Place::total).orElse(null);
    }

    private BoardRow row(Standing standing, StoredEntry entry, BigDecimal total) {
        var first = entry.members().isEmpty() ? null : entry.members().getFirst();
        String name = entry.teamName() != null ? entry.teamName() : first == null ? "" : first.name();
        String unit = first == null ? null : first.employer() != null ? first.employer() : first.trainingUnit();
        List<String> members = entry.teamName() == null ? List.of() : entry.members().stream().map(m -> m.name()).toList();
        return new BoardRow(standing.rank(), entry.id(), entry.bib(), name, unit, total, standing.complete(),
                standing.status(), standing.modules(), standing.prize(), isMarked(entry.id()), members);
    }

    /** Whether any counting mark (or a recorded result) is in for the entry. */
    private boolean isMarked(long entryId) {
        return !recorded.isEmpty() || marks.getOrDefault(entryId, Map.of()).values().stream().anyMatch(byJudge -> !byJudge.isEmpty());
    }
}
