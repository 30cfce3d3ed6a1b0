package org.craftmark.server.chief;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.craftmark.core.recheck.RecheckTally;
import org.craftmark.server.http.Json;
import org.craftmark.server.store.MarkStore.StoredMark;
import org.craftmark.server.store.RecheckStore.StoredItem;
import org.craftmark.server.store.RecheckStore.StoredRecheck;

import java.time.Instant;

/** The chief judge's corrections, progress and rechecks on the wire. */
final class ChiefJson {
    private ChiefJson() {
    }

    static JsonObject corrected(ChiefService.Corrected corrected) {
        StoredMark m = corrected.mark();
        return new JsonObject()
                .put("markId", m.id())
                .put("eventId", m.eventId())
                .put("entryId", m.entryId())
                .put("criterion", m.criterion())
                .put("judgeUserId", m.judgeUserId())
                .put("version", m.version())
                .put("value", Json.decimal(m.value()))
                .put("previousValue", Json.decimal(corrected.previousValue()))
                .put("correctedBy", m.correctedBy())
                .put("reason", m.reason())
                .put("createdAt", iso(m.createdAt()));
    }

    static JsonObject history(MarkHistory.EntryMarks marks) {
        JsonArray items = new JsonArray();
        for (MarkHistory.Version v : marks.versions()) {
            StoredMark m = v.mark();
            items.add(new JsonObject()
                    .put("markId", m.id())
                    .put("criterion", m.criterion())
                    .put("judgeUserId", m.judgeUserId())
                    .put("judgeName", v.judgeName())
                    .put("version", m.version())
                    .put("value", Json.decimal(m.value()))
                    .put("correctedBy", m.correctedBy())
                    .put("reason", m.reason())
                    .put("at", iso(m.createdAt()))
                    .put("current", v.current())
                    .put("counts", v.counts()));
        }
        return new JsonObject()
                .put("entryId", marks.entry().id())
                .put("eventId", marks.entry().eventId())
                .put("bib", marks.entry().bib())
                .put("items", items);
    }

    static JsonObject progress(ProgressView p) {
        JsonArray judges = new JsonArray();
        for (ProgressView.JudgeProgress j : p.judges()) {
            JsonArray criteria = new JsonArray();
            j.criteria().forEach(c -> criteria.add(new JsonObject().put("code", c.code()).put("assigned", c.assigned())
                    .put("in", c.in()).put("missing", c.missing())));
            judges.add(new JsonObject()
                    .put("userId", j.userId())
                    .put("username", j.username())
                    .put("displayName", j.displayName())
                    .put("role", j.role())
                    .put("nothingAssigned", j.nothingAssigned())
                    .put("conflicts", j.conflicts())
                    .put("criteria", criteria));
        }
        JsonArray criteria = new JsonArray();
        p.criteria().forEach(c -> criteria.add(new JsonObject().put("code", c.code()).put("complete", c.complete())
                .put("incomplete", c.incomplete())));
        JsonArray discrepancies = new JsonArray();
        for (ProgressView.OpenDiscrepancy d : p.discrepancies()) {
            JsonArray marks = new JsonArray();
            d.marks().forEach(m -> marks.add(new JsonObject().put("userId", m.userId()).put("name", m.name())
                    .put("value", Json.decimal(m.value()))));
            discrepancies.add(new JsonObject().put("entryId", d.entryId()).put("bib", d.bib()).put("criterion", d.criterion())
                    .put("marks", marks));
        }
        JsonArray shortOfJudges = new JsonArray();
        p.shortOfJudges().forEach(s -> shortOfJudges.add(new JsonObject().put("entryId", s.entryId()).put("bib", s.bib())
                .put("criterion", s.criterion()).put("eligible", s.eligible()).put("required", s.required())));
        ProgressView.Totals t = p.totals();
        return new JsonObject()
                .put("eventId", p.eventId())
                .put("locked", p.locked())
                .put("marks", new JsonObject().put("expected", t.expected()).put("in", t.in()).put("missing", t.missing())
                        .put("percent", t.percent()))
                .put("judges", judges)
                .put("criteria", criteria)
                .put("discrepancies", discrepancies)
                .put("shortOfJudges", shortOfJudges)
                .put("recheck", p.recheck() == null ? null : summary(p.recheck()));
    }

    /** A recheck and where it stands, without its items (the progress view carries this). */
    static JsonObject summary(RecheckView view) {
        StoredRecheck r = view.recheck();
        RecheckTally t = view.tally();
        return new JsonObject()
                .put("id", r.id())
                .put("eventId", r.eventId())
                .put("seed", r.seed())
                .put("startedBy", r.startedBy())
                .put("startedAt", iso(r.startedAt()))
                .put("finished", t.finished())
                .put("fullRecheckRequired", t.fullRecheckRequired())
                .put("counts", new JsonObject()
                        .put("items", t.items())
                        .put("recorded", t.recorded())
                        .put("sample", t.sample())
                        .put("sampleCorrected", t.sampleCorrected()));
    }

    static JsonObject recheck(RecheckView view) {
        JsonArray items = new JsonArray();
        for (StoredItem i : view.recheck().items()) {
            items.add(new JsonObject()
                    .put("entryId", i.entryId())
                    .put("bib", i.bib())
                    .put("why", i.why().name())
                    .put("outcome", i.outcome() == null ? null : i.outcome().name())
                    .put("note", i.note())
                    .put("recordedAt", iso(i.recordedAt())));
        }
        return summary(view).put("items", items);
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
