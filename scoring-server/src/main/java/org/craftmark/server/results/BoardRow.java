package org.craftmark.server.results;

import org.craftmark.core.contest.EntryStatus;
import org.craftmark.core.contest.Prize;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One leaderboard row as screens show it: no ID numbers, no per-judge marks. {@code marked}: at
 * least one counting mark is in (a screen lists an entry without any as "not yet marked", not at a
 * rank); {@code members}: a team's members' names, in order (empty for an individual).
 */
public record BoardRow(Integer rank, long entryId, String bib, String name, String unit, BigDecimal total, boolean complete,
                       EntryStatus status, Map<String, BigDecimal> modules, Prize prize, boolean marked, List<String> members) {
    public BoardRow {
        members = members == null ? List.of() : List.copyOf(members);
    }
}
