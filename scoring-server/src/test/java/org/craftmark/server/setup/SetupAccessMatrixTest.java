package org.craftmark.server.setup;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.craftmark.server.testing.Api;
import org.craftmark.server.testing.Backend;
import org.craftmark.server.testing.Season;
import org.craftmark.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Least privilege, endpoint by endpoint: the organizer of a region (or of a region containing it)
 * and ADMIN may set up its contests; an organizer elsewhere, HR and judges may not; the public must
 * sign in. Runs on H2: the rules are the server's, not the database's.
 */
@DisplayName("Who may set up what")
class SetupAccessMatrixTest {
    private static TestServer server;
    private static SetupFixture season;
    private static final AtomicInteger unique = new AtomicInteger(1000);

    /** One request, made fresh for each caller so that allowed calls do not collide. */
    record Endpoint(String name, IntFunction<Request> request) {
        @Override
        public String toString() {
            return name;
        }
    }

    record Request(String method, String path, String body, String contentType) {
        static Request post(String path, JsonObject body) {
            return new Request("POST", path, body.encode(), "application/json");
        }
    }

    enum Caller {
        ADMIN("admin", true), CONTEST_ORGANIZER("tz-org", true), CITY_ORGANIZER("bj-org", true),
        OTHER_DISTRICT_ORGANIZER("cy-org", false), HR("bj-hr", false), JUDGE("judge-a", false), PUBLIC(null, false);

        final String username;
        final boolean allowed;

        Caller(String username, boolean allowed) {
            this.username = username;
            this.allowed = allowed;
        }
    }

    @BeforeAll
    static void start() {
        server = TestServer.start(Backend.H2);
        season = new SetupFixture(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("create a district contest", n -> Request.post("/api/v1/contests",
                        Season.contest("contest " + n, "DISTRICT", "110112", null))),
                new Endpoint("add an event", n -> Request.post("/api/v1/contests/" + season.contest + "/events",
                        Season.individualEvent("6-18-01-0" + (n % 10), "event " + n))),
                new Endpoint("register an entry", n -> Request.post("/api/v1/events/" + season.event + "/entries",
                        Season.individualEntry("M" + n, Season.competitor("选手", Season.idNumber(n), "某厂")))),
                new Endpoint("import entries", n -> new Request("POST", "/api/v1/events/" + season.event + "/entries:import",
                        Season.csv(n * 10, 2), "text/csv")),
                new Endpoint("list entries", n -> new Request("GET", "/api/v1/events/" + season.event + "/entries", null, null)),
                new Endpoint("seat a judge", n -> Request.post("/api/v1/events/" + season.event + "/panel",
                        new JsonObject().put("userId", season.judgeId).put("role", "JUDGE").put("criteria", new JsonArray().add("A1")))),
                new Endpoint("record a completion time", n -> new Request("PUT", "/api/v1/entries/" + season.entry + "/time",
                        new JsonObject().put("seconds", n).encode(), "application/json")),
                new Endpoint("open the contest", n -> Request.post("/api/v1/contests/" + season.contest + "/open", new JsonObject())));
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (Caller caller : Caller.values()) {
                cases.add(Arguments.of(endpoint, caller));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void onlyOrganizersInScopeAndAdminMaySetUp(Endpoint endpoint, Caller caller) {
        Request request = endpoint.request().apply(unique.incrementAndGet());

        Api.Response response = send(request, season.token(caller.username));

        if (caller.allowed) {
            assertThat(response.status()).as(response.body()).isBetween(200, 299);
        } else {
            assertThat(response.status()).as(response.body()).isEqualTo(caller == Caller.PUBLIC ? 401 : 403);
            assertThat(response.errorCode()).isEqualTo(caller == Caller.PUBLIC ? "UNAUTHENTICATED" : "FORBIDDEN");
        }
    }

    private static Api.Response send(Request request, String token) {
        return switch (request.method()) {
            case "GET" -> season.api.get(request.path(), token);
            case "PUT" -> season.api.put(request.path(), new JsonObject(request.body()), token);
            default -> season.api.postRaw(request.path(), request.body(), request.contentType(), token);
        };
    }
}
