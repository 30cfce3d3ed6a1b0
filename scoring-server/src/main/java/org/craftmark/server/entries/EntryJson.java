package org.craftmark.server.entries;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.craftmark.server.store.EntryStore.Member;
import org.craftmark.server.store.EntryStore.StoredEntry;

/** Entries on the wire, for those who may see competitors' personal data (organizers, ADMIN). */
public final class EntryJson {
    private EntryJson() {
    }

    public static JsonObject of(StoredEntry e) {
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
            return json.put("competitor", member(e.members().getFirst()));
        }
        JsonArray members = new JsonArray();
        e.members().forEach(m -> members.add(member(m)));
        return json.put("teamName", e.teamName()).put("members", members);
    }

    static JsonObject member(Member m) {
        return new JsonObject()
                .put("name", m.name())
                .put("idNumber", m.idNumber())
                .put("employer", m.employer())
                .put("trainingUnit", m.trainingUnit())
                .put("currentLevel", m.currentLevel().name());
    }
}
