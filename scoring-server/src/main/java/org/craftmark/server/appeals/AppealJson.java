package org.craftmark.server.appeals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.craftmark.server.appeals.AppealService.AppealView;
import org.craftmark.server.store.AppealStore.AppealStatus;
import org.craftmark.server.store.AppealStore.StoredAppeal;

import java.time.Instant;
import java.util.List;

/** Appeals on the wire. */
final class AppealJson {
    private AppealJson() {
    }

    static JsonObject of(AppealView view) {
        StoredAppeal a = view.appeal();
        return new JsonObject()
                .put("id", a.id())
                .put("contestId", a.contestId())
                .put("eventId", a.eventId())
                .put("entryId", a.entryId())
                .put("bib", view.bib())
                .put("reason", a.reason())
                .put("status", a.status().name())
                .put("disputedVersion", a.disputedVersion())
                .put("filedBy", view.filedBy())
                .put("filedAt", iso(a.filedAt()))
                .put("decision", a.status() == AppealStatus.OPEN ? null : a.status().name())
                .put("note", a.note())
                .put("resolvedBy", view.resolvedBy())
                .put("resolvedAt", iso(a.resolvedAt()))
                .put("correctedInVersion", a.correctedInVersion());
    }

    static JsonObject list(List<AppealView> views) {
        JsonArray items = new JsonArray();
        views.forEach(v -> items.add(of(v)));
        return new JsonObject().put("items", items);
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
