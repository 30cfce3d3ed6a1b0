package org.craftmark.core.ranking;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.craftmark.core.marking.Kind;
import org.craftmark.core.marking.TieBreak;
import org.craftmark.core.marking.TieBreak.KindTieBreak;
import org.craftmark.core.marking.TieBreak.ModuleTieBreak;
import org.craftmark.core.marking.TieBreak.TimeTieBreak;

/** The order of performance, better first: total, then the event's tie-breaks in order. */
final class Performance {
    private Performance() {
    }

    /** Entries this comparator calls equal share a rank. */
    static Comparator<ScoredEntry> order(List<TieBreak> tieBreaks) {
        Comparator<ScoredEntry> order = higherFirst(entry -> entry.score().total());
        for (TieBreak tieBreak : tieBreaks) {
            order = order.thenComparing(orderBy(tieBreak));
        }
        return order;
    }

    private static Comparator<ScoredEntry> orderBy(TieBreak tieBreak) {
        return switch (tieBreak) {
            case ModuleTieBreak(String module) -> higherFirst(entry -> entry.score().moduleSum(module));
            case KindTieBreak(Kind kind) -> higherFirst(entry -> entry.score().kindSum(kind));
            case TimeTieBreak() -> Comparator.comparing(ScoredEntry::completionSeconds,
                    Comparator.nullsLast(Comparator.naturalOrder()));
        };
    }

    private static Comparator<ScoredEntry> higherFirst(Function<ScoredEntry, BigDecimal> amount) {
        return Comparator.comparing(amount, Comparator.reverseOrder());
    }
}
