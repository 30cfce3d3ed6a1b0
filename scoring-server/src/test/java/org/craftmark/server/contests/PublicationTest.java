package org.craftmark.server.contests;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.craftmark.core.marking.Criterion;
import org.craftmark.core.marking.Kind;
import org.craftmark.core.marking.Method;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.marking.Ack;
import org.craftmark.server.marking.MarkSubmission;
import org.craftmark.server.store.ContestStore.Visibility;
import org.craftmark.server.testing.Api;
import org.craftmark.server.testing.MarkingFixture;
import org.craftmark.server.testing.OnEveryBackend;
import org.craftmark.server.testing.TestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** 公示: publication needs every event locked, freezes results version 1, and opens results to the public. */
@DisplayName("Publishing results")
class PublicationTest extends OnEveryBackend {

    @Test
    void lockedResultsArePublishedAsVersionOneAndBecomePublic() {
        MarkingFixture season = twoEntries("pub", Visibility.ON_PUBLISH);
        String admin = api.token("admin", TestServer.ADMIN_PASSWORD);
        String chief = api.token("pub-chief-" + backend, MarkingFixture.JUDGE_PASSWORD);
        String publish = "/api/v1/contests/" + season.contestId + "/publish";
        String board = "/api/v1/events/" + season.eventId + "/leaderboard";
        mark(season, "pub-j1-" + backend, "A01", 21.5);
        mark(season, "pub-j1-" + backend, "A02", 25);

        Api.Response tooEarly = api.post(publish, new JsonObject(), admin);
        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.json().getJsonObject("error").getJsonArray("details").getJsonObject(0).getString("problem")).isEqualTo("is not locked");
        assertThat(api.get(board, null).status()).as("public before publication").isEqualTo(403);

        assertThat(api.post("/api/v1/events/" + season.eventId + "/lock", new JsonObject(), chief).status()).isEqualTo(200);
        assertThat(api.post(publish, new JsonObject(), chief).status()).as("a judge does not publish").isEqualTo(403);
        JsonObject contest = api.post(publish, new JsonObject(), admin).json();

        assertThat(contest.getString("status")).isEqualTo("PUBLISHED");
        assertThat(contest.getInteger("resultsVersion")).isEqualTo(1);
        Instant publishedAt = Instant.parse(contest.getString("publishedAt"));
        assertThat(Instant.parse(contest.getString("noticeEndsAt"))).isEqualTo(publishedAt.plus(Duration.ofDays(5)));
        assertThat(api.post(publish, new JsonObject(), admin).json().getString("publishedAt")).as("idempotent").isEqualTo(contest.getString("publishedAt"));

        JsonObject seenByThePublic = api.get("/api/v1/contests/" + season.contestId, null).json();
        assertThat(seenByThePublic.getString("status")).isEqualTo("PUBLISHED");
        assertThat(seenByThePublic.getString("publishedAt")).isEqualTo(contest.getString("publishedAt"));
        assertThat(seenByThePublic.getString("noticeEndsAt")).isEqualTo(contest.getString("noticeEndsAt"));
        assertThat(seenByThePublic.getInteger("resultsVersion")).isEqualTo(1);
        assertThat(seenByThePublic.getString("regionCode")).isEqualTo("110112");

        JsonObject live = api.get(board, null).json();
        assertThat(live.getBoolean("published")).isTrue();
        JsonObject frozen = api.get(board + "?version=1", null).json();
        assertThat(frozen.getJsonArray("rows")).isEqualTo(live.getJsonArray("rows"));
        assertThat(frozen.getJsonArray("rows").getJsonObject(0).getString("bib")).isEqualTo("A02");
        assertThat(api.get(board + "?version=2", null).status()).isEqualTo(404);
        assertThat(api.get(board + "?version=first", null).status()).isEqualTo(400);

        JsonObject late = mark(season, "pub-j1-" + backend, "A01", 30);
        assertThat(late.getJsonObject("error").getString("code")).isEqualTo("WRONG_STATE");
    }

    @Test
    void publicationFreezesTheLastMarksEvenWhileTheScreensAreStillCoalescingThem() {
        MarkingFixture season = twoEntries("burst", Visibility.LIVE);
        String admin = api.token("admin", TestServer.ADMIN_PASSWORD);
        String chief = api.token("burst-chief-" + backend, MarkingFixture.JUDGE_PASSWORD);
        // Stored marks (as another judge's socket would store them) whose frame the live feed still
        // holds back for its coalescing window after the first: the lock and publication fall inside it.
        var judge = server.app().services().users().find("burst-j1-" + backend).orElseThrow();
        store(judge, season, "A02", 25);
        for (int tenths = 200; tenths <= 295; tenths += 5) {
            store(judge, season, "A01", tenths / 10.0);
        }
        assertThat(api.post("/api/v1/events/" + season.eventId + "/lock", new JsonObject(), chief).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/contests/" + season.contestId + "/publish", new JsonObject(), admin).status()).isEqualTo(200);

        JsonArray frozen = api.get("/api/v1/events/" + season.eventId + "/leaderboard?version=1", null).json().getJsonArray("rows");
        assertThat(frozen.getJsonObject(0).getString("bib")).isEqualTo("A01");
        assertThat(new BigDecimal(frozen.getJsonObject(0).getValue("total").toString())).isEqualByComparingTo("29.5");
    }

    /** A1 (SINGLE, one judge) on A01 and A02; the chief is {@code <prefix>-chief-…}, the judge {@code <prefix>-j1-…}. */
    private MarkingFixture twoEntries(String prefix, Visibility visibility) {
        return MarkingFixture.create(server,
                List.of(new Criterion("A1", "A", "尺寸", Kind.MEASUREMENT, BigDecimal.valueOf(30), Method.SINGLE, 1)),
                List.of(), List.of("A01", "A02"), List.of(prefix + "-chief-" + backend, prefix + "-j1-" + backend), visibility);
    }

    private static void store(SignedInUser judge, MarkingFixture season, String bib, double value) {
        Ack ack = server.app().services().marks().submit(judge, new MarkSubmission(UUID.randomUUID().toString(), season.eventId,
                season.entry(bib), "A1", BigDecimal.valueOf(value), "test-tablet"));
        assertThat(ack.isAccepted()).isTrue();
    }

    private static JsonObject mark(MarkingFixture season, String judge, String bib, double value) {
        String token = api.token(judge, MarkingFixture.JUDGE_PASSWORD);
        JsonArray marks = new JsonArray(new ArrayList<>(List.of(new JsonObject().put("clientMarkId", UUID.randomUUID().toString())
                .put("eventId", season.eventId).put("entryId", season.entry(bib)).put("criterion", "A1").put("value", value))));
        return api.post("/api/v1/marks:batch", new JsonObject().put("marks", marks), token).json().getJsonArray("acks").getJsonObject(0);
    }
}
