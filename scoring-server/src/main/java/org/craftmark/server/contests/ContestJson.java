package org.craftmark.server.contests;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.craftmark.server.store.ContestStore.StoredContest;

import java.time.Instant;
import java.util.List;

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
                .put("resultsVersion", c.resultsVersion())
                .put("finalizedAt", iso(c.finalizedAt()))
                .put("advancedAt", iso(c.advancedAt()));
    }

    /** The contest's timeline and its next move, for the console's one button. */
    public static JsonObject lifecycle(LifecycleService.View view) {
        LifecycleService.Next next = view.next();
        return new JsonObject()
                .put("contest", of(view.contest()))
                .put("appealsOpen", view.appealsOpen())
                .put("next", next == null ? null : new JsonObject()
                        .put("action", next.action().name())
                        .put("enabled", next.enabled())
                        .put("blockers", blockers(next.blockers()))
                        .put("events", next.summary().events())
                        .put("noticeEndsAt", iso(next.summary().noticeEndsAt()))
                        .put("resultsVersion", next.summary().resultsVersion())
                        .put("advancing", next.summary().advancing())
                        .put("toContest", next.summary().toContest())
                        .put("toContestId", next.summary().toContestId()));
    }

    private static JsonArray blockers(List<LifecycleService.Blocker> blockers) {
        JsonArray array = new JsonArray();
        blockers.forEach(b -> array.add(new JsonObject().put("kind", b.kind()).put("args", new JsonObject(b.args()))
                .put("problem", b.problem())));
        return array;
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
