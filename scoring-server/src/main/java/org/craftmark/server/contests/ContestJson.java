package org.craftmark.server.contests;

import io.vertx.core.json.JsonObject;
import org.craftmark.server.store.ContestStore.StoredContest;

import java.time.Instant;

/** Contests on the wire. */
public final class ContestJson {
    private ContestJson() {
    }

    public static JsonObject of(StoredContest c) {
        return new JsonObject()
                .put("id", c.id())
                .put("name", c.name())
                .put("year", c.year())
                .put("tier", c.tier().name())
                .put("regionCode", c.region().value())
                .put("category", c.category().name())
                .put("feedsInto", c.feedsInto())
                .put("visibility", c.visibility().name())
                .put("noticeDays", c.noticeDays())
                .put("status", c.status().name())
                .put("publishedAt", iso(c.publishedAt()))
                .put("noticeEndsAt", iso(c.noticeEndsAt()))
                .put("resultsVersion", c.resultsVersion());
    }

    /**
     * What the public may see of a contest: its name, tier, region, year, where it stands and the
     * notice period (公示 is public information).
     */
    public static JsonObject publicView(StoredContest c) {
        return new JsonObject()
                .put("id", c.id())
                .put("name", c.name())
                .put("year", c.year())
                .put("tier", c.tier().name())
                .put("regionCode", c.region().value())
                .put("status", c.status().name())
                .put("publishedAt", iso(c.publishedAt()))
                .put("noticeEndsAt", iso(c.noticeEndsAt()))
                .put("resultsVersion", c.resultsVersion());
    }

    static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
