package org.craftmark.server.results;

import org.craftmark.core.contest.EntryStatus;
import org.craftmark.core.contest.Prize;

import java.math.BigDecimal;
import java.util.Map;

/** One leaderboard row as screens show it: no ID numbers, no per-judge marks. */
public record BoardRow(Integer rank, long entryId, String bib, String name, String unit, BigDecimal total, boolean complete,
                       EntryStatus status, Map<String, BigDecimal> modules, Prize prize) {
}
