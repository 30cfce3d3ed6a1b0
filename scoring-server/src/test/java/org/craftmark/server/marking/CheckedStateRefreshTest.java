package org.craftmark.server.marking;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.craftmark.core.contest.EntryStatus;
import org.craftmark.core.marking.Criterion;
import org.craftmark.core.marking.Kind;
import org.craftmark.core.marking.Method;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.testing.Api;
import org.craftmark.server.testing.MarkingFixture;
import org.craftmark.server.testing.OnEveryBackend;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The state a mark is checked against is cached between group commits; every change to it must be
 * seen by the next mark. Also a group's own bookkeeping: a clientMarkId sent twice in one group, and
 * versions counted on within a group.
 */
@DisplayName("Marks are checked against current state, cached between groups")
class CheckedStateRefreshTest extends OnEveryBackend {
    private static final List<Criterion> SCHEME = List.of(
            new Criterion("A1", "A", "尺寸", Kind.MEASUREMENT, BigDecimal.valueOf(30), Method.SINGLE, 1));

    private MarkingFixture season(String prefix) {
        String p = prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
        return MarkingFixture.create(server, SCHEME, List.of(), List.of("A01", "A02", "A03"), List.of(p + "-chief", p + "-j1"));
    }

    private static String judge(MarkingFixture season) {
        return season.judges.keySet().stream().skip(1).findFirst().orElseThrow();
    }

    private static EventStateCache cache() {
        return server.app().services().marks().checkedState();
    }

    @Test
    void nothingChangedMeansNoReloadAndTheNextMarkIsCheckedAgainstTheCopy() {
        MarkingFixture season = season("cs-same");
        String token = api.token(judge(season), MarkingFixture.JUDGE_PASSWORD);
        assertThat(status(send(token, mark(season, "A01", 5)))).isEqualTo("ACCEPTED");
        long loads = cache().loads();
        assertThat(status(send(token, mark(season, "A02", 6)))).isEqualTo("ACCEPTED");
        assertThat(status(send(token, mark(season, "A03", 7)))).isEqualTo("ACCEPTED");
        assertThat(cache().loads()).as("marks with nothing changed read no state").isEqualTo(loads);
    }

    @Test
    void aSeatRemovedRefusesThatJudgesNextMark() {
        MarkingFixture season = season("cs-seat");
        String judge = judge(season);
        String token = api.token(judge, MarkingFixture.JUDGE_PASSWORD);
        assertThat(status(send(token, mark(season, "A01", 5)))).isEqualTo("ACCEPTED");
        server.app().services().panels().unseat(admin(), season.eventId, season.judges.get(judge));
        JsonObject ack = send(token, mark(season, "A02", 6));
        assertThat(status(ack)).isEqualTo("REJECTED");
        assertThat(ack.getJsonObject("error").getString("code")).isEqualTo("FORBIDDEN");
    }

    @Test
    void anEntryStatusChangeIsSeenByTheNextMark() {
        MarkingFixture season = season("cs-status");
        String token = api.token(judge(season), MarkingFixture.JUDGE_PASSWORD);
        assertThat(status(send(token, mark(season, "A01", 5)))).isEqualTo("ACCEPTED");
        assertThat(cache().known(season.eventId).orElseThrow().entry(season.entry("A02")).orElseThrow().status())
                .isEqualTo(EntryStatus.ACTIVE);
        season.setStatus("A02", EntryStatus.DNS);
        assertThat(status(send(token, mark(season, "A03", 7)))).isEqualTo("ACCEPTED");
        assertThat(cache().known(season.eventId).orElseThrow().entry(season.entry("A02")).orElseThrow().status())
                .as("the state the mark after the change was checked against").isEqualTo(EntryStatus.DNS);
    }

    @Test
    void theChiefsLockRefusesTheNextMarkAndTheUnlockReopens() {
        MarkingFixture season = season("cs-lock");
        String judge = judge(season);
        String token = api.token(judge, MarkingFixture.JUDGE_PASSWORD);
        String chief = api.token(season.judges.keySet().iterator().next(), MarkingFixture.JUDGE_PASSWORD);
        for (String bib : List.of("A01", "A02", "A03")) {
            assertThat(status(send(token, mark(season, bib, 5)))).isEqualTo("ACCEPTED");
        }
        Api.Response locked = api.post("/api/v1/events/" + season.eventId + "/lock", new JsonObject(), chief);
        assertThat(locked.status()).as(locked.body()).isEqualTo(200);
        JsonObject refused = send(token, mark(season, "A01", 6));
        assertThat(status(refused)).isEqualTo("REJECTED");
        assertThat(refused.getJsonObject("error").getString("code")).isEqualTo("EVENT_LOCKED");
        Api.Response unlocked = api.post("/api/v1/events/" + season.eventId + "/unlock",
                new JsonObject().put("reason", "复核"), chief);
        assertThat(unlocked.status()).as(unlocked.body()).isEqualTo(200);
        assertThat(status(send(token, mark(season, "A01", 6)))).isEqualTo("ACCEPTED");
    }

    @Test
    void aClientMarkIdTwiceInOneGroupIsStoredOnceAndVersionsCountOnWithinTheGroup() {
        MarkingFixture season = season("cs-group");
        String token = api.token(judge(season), MarkingFixture.JUDGE_PASSWORD);
        JsonObject first = mark(season, "A01", 5);
        JsonObject changed = mark(season, "A01", 8);
        JsonObject conflicting = first.copy().put("value", 9);
        JsonArray acks = batch(token, new JsonArray().add(first).add(first.copy()).add(changed).add(conflicting));
        JsonObject a0 = acks.getJsonObject(0);
        assertThat(status(a0)).isEqualTo("ACCEPTED");
        assertThat(a0.getInteger("version")).isEqualTo(1);
        assertThat(status(acks.getJsonObject(1))).isEqualTo("DUPLICATE");
        assertThat(acks.getJsonObject(1).getLong("markId")).isEqualTo(a0.getLong("markId"));
        assertThat(status(acks.getJsonObject(2))).isEqualTo("ACCEPTED");
        assertThat(acks.getJsonObject(2).getInteger("version")).isEqualTo(2);
        assertThat(status(acks.getJsonObject(3))).isEqualTo("REJECTED");
        assertThat(acks.getJsonObject(3).getJsonObject("error").getString("code")).isEqualTo("IDEMPOTENCY_CONFLICT");
        JsonObject next = send(token, mark(season, "A01", 7));
        assertThat(next.getInteger("version")).as("the next group counts on from the stored versions").isEqualTo(3);
        JsonObject resent = send(token, first);
        assertThat(status(resent)).isEqualTo("DUPLICATE");
        assertThat(resent.getLong("markId")).isEqualTo(a0.getLong("markId"));
    }

    private static SignedInUser admin() {
        return server.app().services().users().find("admin").orElseThrow();
    }

    private static JsonObject mark(MarkingFixture season, String bib, int value) {
        return new JsonObject().put("clientMarkId", UUID.randomUUID().toString()).put("eventId", season.eventId)
                .put("entryId", season.entry(bib)).put("criterion", "A1").put("value", value);
    }

    private static JsonObject send(String token, JsonObject mark) {
        return batch(token, new JsonArray().add(mark)).getJsonObject(0);
    }

    private static JsonArray batch(String token, JsonArray marks) {
        Api.Response response = api.post("/api/v1/marks:batch", new JsonObject().put("marks", marks), token);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().getJsonArray("acks");
    }

    private static String status(JsonObject ack) {
        return ack.getString("status");
    }
}
