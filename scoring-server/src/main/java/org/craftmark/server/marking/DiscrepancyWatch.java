package org.craftmark.server.marking;

import io.vertx.core.json.JsonObject;
import org.craftmark.core.marking.Criterion;
import org.craftmark.core.marking.CriterionResult;
import org.craftmark.core.marking.Method;
import org.craftmark.server.results.CountingMarks;
import org.craftmark.server.store.Database;
import org.craftmark.server.store.MarkStore.StoredMark;

import java.math.BigDecimal;
import java.util.List;

/**
 * After each WSS mark: when the judges' current marks are more than 1 apart, the panel is told to
 * re-mark (the criterion does not count as complete until they agree within 1).
 */
public final class DiscrepancyWatch implements MarkListener {
    private final Database db;
    private final JudgeSessions judges;

    public DiscrepancyWatch(Database db, JudgeSessions judges) {
        this.db = db;
        this.judges = judges;
    }

    @Override
    public void markStored(StoredMark mark) {
        Criterion criterion = db.stores().events().find(mark.eventId())
                .flatMap(e -> e.scheme().criterion(mark.criterion())).orElseThrow();
        if (criterion.method() != Method.WSS) {
            return;
        }
        List<BigDecimal> values = CountingMarks.of(db.stores(), mark.eventId(), mark.entryId(), mark.criterion()).stream()
                .map(StoredMark::value).toList();
        if (CriterionResult.of(criterion, values).discrepancy()) {
            judges.push(mark.eventId(), new JsonObject().put("type", "discrepancy").put("eventId", mark.eventId())
                    .put("entryId", mark.entryId()).put("criterion", mark.criterion()));
        }
    }
}
