package org.craftmark.server.chief;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.craftmark.core.common.Problem;
import org.craftmark.core.marking.Criterion;
import org.craftmark.core.marking.Kind;
import org.craftmark.core.marking.Method;
import org.craftmark.server.testing.Api;
import org.craftmark.server.testing.MarkingFixture;
import org.craftmark.server.testing.OnEveryBackend;
import org.craftmark.server.testing.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.craftmark.server.chief.Desk.accept;
import static org.craftmark.server.chief.Desk.error;
import static org.craftmark.server.chief.Desk.mark;
import static org.craftmark.server.chief.Desk.send;
import static org.craftmark.server.chief.Desk.token;

/**
 * Only marks of judges whose seat covers the criterion count: a seat's criteria omitted means all,
 * {@code []} means none; a judge taken off a criterion keeps the marks in history, but they stop
 * counting — on the board, in the lock check and at publication.
 */
@DisplayName("Which marks count")
class CountingMarksTest extends OnEveryBackend {
    private static final List<Criterion> SCHEME = List.of(
            new Criterion("A1", "A", "尺寸", Kind.MEASUREMENT, BigDecimal.valueOf(30), Method.SINGLE, 1));
    private static final AtomicInteger SEASONS = new AtomicInteger();

    private MarkingFixture season;
    private String prefix;
    private String admin;

    @BeforeEach
    void season() {
        prefix = "cm" + SEASONS.incrementAndGet() + backend.name().toLowerCase();
        season = MarkingFixture.create(server, SCHEME, List.of(), List.of("A01", "A02"),
                List.of(prefix + "-chief", prefix + "-j1", prefix + "-j2"));
        admin = api.token("admin", TestServer.ADMIN_PASSWORD);
    }

    private Api.Response seat(String judge, JsonArray criteria) {
        JsonObject body = new JsonObject().put("userId", season.judges.get(judge)).put("role", "JUDGE");
        if (criteria != null) {
            body.put("criteria", criteria);
        }
        return api.post("/api/v1/events/" + season.eventId + "/panel", body, admin);
    }

    private String total(String bib) {
        return api.get("/api/v1/events/" + season.eventId + "/leaderboard", admin).json().getJsonArray("rows").stream()
                .map(JsonObject.class::cast).filter(r -> r.getString("bib").equals(bib)).findFirst().orElseThrow()
                .getValue("total").toString();
    }

    @Test
    @DisplayName("criteria [] seats a judge on nothing; omitted seats them on everything")
    void emptyCriteriaMeansNone() {
        Api.Response none = seat(prefix + "-j1", new JsonArray());
        assertThat(none.status()).as(none.body()).isEqualTo(201);
        assertThat(none.json().getJsonArray("criteria")).isEmpty();
        assertThat(send(api, token(api, prefix + "-j1"), mark(season, "A01", "A1", 10))).containsExactly("REJECTED FORBIDDEN");

        Api.Response all = seat(prefix + "-j1", null);
        assertThat(all.json().getValue("criteria")).isNull();
        assertThat(send(api, token(api, prefix + "-j1"), mark(season, "A01", "A1", 10))).containsExactly("ACCEPTED");
    }

    @Test
    @DisplayName("a judge taken off a criterion stops counting on the board; history keeps the marks")
    void marksOfAJudgeTakenOffStopCounting() {
        accept(api, token(api, prefix + "-j1"), mark(season, "A01", "A1", 10));
        accept(api, token(api, prefix + "-j2"), mark(season, "A01", "A1", 20));
        assertThat(total("A01")).as("SINGLE with two judges seated: their mean").isEqualTo("15");

        seat(prefix + "-j2", new JsonArray());

        assertThat(total("A01")).isEqualTo("10");
        assertThat(server.app().database().stores().marks().historyOfEntry(season.entry("A01"))).hasSize(2);
        seat(prefix + "-j2", null);
        assertThat(total("A01")).as("seated again, the mark counts again").isEqualTo("15");
    }

    @Test
    @DisplayName("a criterion left without counting marks after the lock stops publication")
    void publicationRechecksCompleteness() {
        accept(api, token(api, prefix + "-j1"), mark(season, "A01", "A1", 10), mark(season, "A02", "A1", 12));
        String chief = token(api, prefix + "-chief");
        assertThat(api.post("/api/v1/events/" + season.eventId + "/lock", new JsonObject(), chief).status()).isEqualTo(200);

        seat(prefix + "-j1", new JsonArray());
        Api.Response refused = api.post("/api/v1/contests/" + season.contestId + "/publish", new JsonObject(), admin);

        String event = "event " + season.eventId + " (车工) ";
        assertThat(error(refused, 409, "CONFLICT")).containsExactly(
                new Problem(event + "entry A01: A1", "0 of 1 marks"), new Problem(event + "entry A02: A1", "0 of 1 marks"));
        assertThat(api.get("/api/v1/contests/" + season.contestId, admin).json().getString("status")).isEqualTo("RUNNING");
    }

    @Test
    @DisplayName("while the event is locked, entry status and completion time are frozen (409 EVENT_LOCKED)")
    void lockedEventFreezesEntries() {
        accept(api, token(api, prefix + "-j1"), mark(season, "A01", "A1", 10), mark(season, "A02", "A1", 12));
        String chief = token(api, prefix + "-chief");
        String entry = "/api/v1/entries/" + season.entry("A01");
        assertThat(api.post("/api/v1/entries/" + season.entry("A02") + "/status",
                new JsonObject().put("status", "DNS").put("reason", "缺考"), admin).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/events/" + season.eventId + "/lock", new JsonObject(), chief).status()).isEqualTo(200);

        error(api.post("/api/v1/entries/" + season.entry("A02") + "/status", new JsonObject().put("status", "ACTIVE"), admin),
                409, "EVENT_LOCKED");
        error(api.post(entry + "/status", new JsonObject().put("status", "DQ").put("reason", "违规"), chief), 409, "EVENT_LOCKED");
        error(api.put(entry + "/time", new JsonObject().put("seconds", 5400), admin), 409, "EVENT_LOCKED");

        assertThat(api.post("/api/v1/events/" + season.eventId + "/unlock", Desk.reason("补录用时"), chief).status()).isEqualTo(200);
        assertThat(api.put(entry + "/time", new JsonObject().put("seconds", 5400), admin).status()).isEqualTo(200);
    }
}
