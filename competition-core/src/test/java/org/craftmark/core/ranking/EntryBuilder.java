package org.craftmark.core.ranking;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.craftmark.core.contest.EntryStatus;
import org.craftmark.core.marking.EntryScore;
import org.craftmark.core.marking.Kind;

/**
 * Test data: an ACTIVE, complete entry with the amounts ranking looks at (total, module and kind
 * sums, time) stated directly, so a ranking test needs no marks.
 */
final class EntryBuilder {
    private final String bib;
    private EntryStatus status = EntryStatus.ACTIVE;
    private BigDecimal total = BigDecimal.ZERO;
    private Integer seconds;
    private final Map<String, BigDecimal> modules = new LinkedHashMap<>();
    private final Map<Kind, BigDecimal> kinds = new EnumMap<>(Kind.class);

    private EntryBuilder(String bib) {
        this.bib = bib;
    }

    static EntryBuilder entry(String bib) {
        return new EntryBuilder(bib);
    }

    EntryBuilder total(String total) {
        this.total = new BigDecimal(total);
        return this;
    }

    EntryBuilder module(String module, String sum) {
        modules.put(module, new BigDecimal(sum));
        return this;
    }

    EntryBuilder kind(Kind kind, String sum) {
        kinds.put(kind, new BigDecimal(sum));
        return this;
    }

    EntryBuilder seconds(Integer seconds) {
        this.seconds = seconds;
        return this;
    }

    EntryBuilder status(EntryStatus status) {
        this.status = status;
        return this;
    }

    ScoredEntry build() {
        return new ScoredEntry(bib, status, seconds, new EntryScore(total, modules, kinds, Map.of()));
    }
}
