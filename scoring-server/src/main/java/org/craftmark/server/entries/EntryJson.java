package org.craftmark.server.entries;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.craftmark.core.people.IdNumberMask;
import org.craftmark.server.store.EntryStore.Member;
import org.craftmark.server.store.EntryStore.StoredEntry;

/** Entries on the wire, for those who may see competitors' personal data (organizers, ADMIN). */
public final class EntryJson {
    private EntryJson() {
    }

    /** The entry as registered, full ID numbers included (the registrar just typed them; a reveal). */
    public static JsonObject of(StoredEntry e) {
        return of(e, false);
    }

    /** The entry for a table: ID numbers masked (110105********002X); the full ones come through an audited reveal. */
    public static JsonObject masked(StoredEntry e) {
        return of(e, true);
    }

    private static JsonObject of(StoredEntry e, boolean mask) {
        JsonObject json = new JsonObject()
                .put("id", e.id())
                .put("eventId", e.eventId())
                .put("bib", e.bib())
                .put("status", e.status().name())
                .put("statusReason", e.statusReason())
                .put("completionSeconds", e.completionSeconds())
                .put("homeRegionCode", e.homeRegion().value())
                .put("source", e.sourceEntryId() == null ? null
                        : new JsonObject().put("entryId", e.sourceEntryId()).put("rank", e.sourceRank()));
        if (e.teamName() == null && e.members().size() == 1) {
            return json.put("competitor", member(e.members().getFirst(), mask));
        }
        JsonArray members = new JsonArray();
        e.members().forEach(m -> members.add(member(m, mask)));
        return json.put("teamName", e.teamName()).put("members", members);
    }

    static JsonObject member(Member m, boolean mask) {
        return new JsonObject()
                .put("name", m.name())
                .put("idNumber", mask ? IdNumberMask.mask(m.idNumber()) : m.idNumber())
                .put("idNumberMasked", mask)
                .put("employer", m.employer())
                .put("trainingUnit", m.trainingUnit())
                .put("currentLevel", m.currentLevel().name());
    }
}
