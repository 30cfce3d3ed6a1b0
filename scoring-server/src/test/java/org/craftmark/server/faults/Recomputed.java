package org.craftmark.server.faults;

import io.vertx.core.json.JsonObject;
import org.craftmark.core.contest.EntryStatus;
import org.craftmark.core.marking.Criterion;
import org.craftmark.core.marking.CriterionResult;
import org.craftmark.core.marking.EntryScore;
import org.craftmark.core.marking.MarkingScheme;
import org.craftmark.core.ranking.Ranking;
import org.craftmark.core.ranking.ScoredEntry;
import org.craftmark.core.ranking.Standing;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An event's leaderboard worked out again from the marks the database holds, by the core's own
 * scoring and ranking (one judge per criterion: the newest version of each mark counts), to set
 * against what the server shows. Rows compare as {@code rank bib total complete}.
 */
final class Recomputed {
    private Recomputed() {
    }

    /** A mark as stored: the entry, the criterion, its version and value. */
    record Mark(long entryId, String criterion, int version, BigDecimal value) {
    }

    /** @param bibs entry ids by bib, every ACTIVE entry of the event */
    static List<String> board(MarkingScheme scheme, Map<String, Long> bibs, List<Mark> marks) {
        List<ScoredEntry> entries = bibs.entrySet().stream().map(bib -> {
            Map<String, CriterionResult> results = new LinkedHashMap<>();
            for (Criterion criterion : scheme.criteria()) {
                Optional<Mark> newest = marks.stream()
                        .filter(m -> m.entryId() == bib.getValue() && m.criterion().equals(criterion.code()))
                        .max(Comparator.comparingInt(Mark::version));
                results.put(criterion.code(), CriterionResult.of(criterion, newest.map(m -> List.of(m.value())).orElse(List.of())));
            }
            return new ScoredEntry(bib.getKey(), EntryStatus.ACTIVE, null, EntryScore.of(scheme, results));
        }).toList();
        return Ranking.rank(scheme.tieBreak(), entries).rows().stream().map(Recomputed::row).toList();
    }

    /** The server's leaderboard rows in the same shape. */
    static List<String> shown(JsonObject leaderboard) {
        return leaderboard.getJsonArray("rows").stream().map(JsonObject.class::cast)
                .map(r -> r.getValue("rank") + " " + r.getString("bib") + " " + plain(new BigDecimal(String.valueOf(r.getValue("total"))))
                        + " " + r.getBoolean("complete"))
                .toList();
    }

    private static String row(Standing s) {
        return s.rank() + " " + s.bib() + " " + plain(s.total()) + " " + s.complete();
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
