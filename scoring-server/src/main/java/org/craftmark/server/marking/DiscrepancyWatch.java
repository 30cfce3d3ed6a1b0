package org.craftmark.server.marking;

import io.vertx.core.json.JsonObject;
import org.craftmark.core.marking.Criterion;
import org.craftmark.core.marking.CriterionResult;
import org.craftmark.core.marking.MarkingScheme;
import org.craftmark.core.marking.Method;
import org.craftmark.server.results.CountingMarks;
import org.craftmark.server.store.Database;
import org.craftmark.server.store.MarkStore.StoredMark;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * After each WSS mark: when the judges' current marks are more than 1 apart, the panel is told to
 * re-mark (the criterion does not count as complete until they agree within 1).
 */
public final class DiscrepancyWatch implements MarkListener {
    private final Database db;
    private final JudgeSessions judges;
    /**
     * Each event's scheme, read once: a scheme is written with its event and never changed (the
     * store has no update for criteria), so this copy cannot go stale. It saves the listener, which
     * runs before the acks, two reads per event and group commit.
     */
    private final Map<Long, MarkingScheme> schemes = new ConcurrentHashMap<>();

    public DiscrepancyWatch(Database db, JudgeSessions judges) {
        this.db = db;
        this.judges = judges;
    }

    @Override
    public void markStored(StoredMark mark) {
        marksStored(List.of(mark));
    }

    /**
     * One read of the event's scheme for the group; the counting marks are read once per WSS
     * (entry, criterion) the group touched, after all its marks are stored, so each is checked on
     * the panel's latest marks — what a check after its last mark alone would have seen.
     */
    @Override
    public void marksStored(List<StoredMark> marksOfOneEvent) {
        long eventId = marksOfOneEvent.getFirst().eventId();
        MarkingScheme scheme = schemes.computeIfAbsent(eventId, id -> db.stores().events().find(id).orElseThrow().scheme());
        Set<Map.Entry<Long, String>> touched = new LinkedHashSet<>();
        for (StoredMark mark : marksOfOneEvent) {
            Criterion criterion = scheme.criterion(mark.criterion()).orElseThrow();
            if (criterion.method() == Method.WSS) {
                touched.add(Map.entry(mark.entryId(), mark.criterion()));
            }
        }
        for (Map.Entry<Long, String> t : touched) {
            Criterion criterion = scheme.criterion(t.getValue()).orElseThrow();
            List<BigDecimal> values = CountingMarks.of(db.stores(), eventId, t.getKey(), t.getValue()).stream()
                    .map(StoredMark::value).toList();
            if (CriterionResult.of(criterion, values).discrepancy()) {
                judges.push(eventId, new JsonObject().put("type", "discrepancy").put("eventId", eventId)
                        .put("entryId", t.getKey()).put("criterion", t.getValue()));
            }
        }
    }
}
