package org.craftmark.server.fuzz;

import io.vertx.core.json.JsonObject;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.craftmark.server.access.Caller;
import org.craftmark.server.access.MatrixSeason;
import org.craftmark.server.auth.AuthService;
import org.craftmark.server.http.OpenApiDocument;
import org.craftmark.server.testing.Backend;
import org.craftmark.server.testing.SeasonOverHttp;
import org.craftmark.server.testing.TestServer;
import org.craftmark.server.testing.TestVertx;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile and malformed input for every route of the OpenAPI document and both WebSockets, against
 * one real server on MariaDB over a seeded season: nothing answers 500, every error has the
 * contract's shape, the server keeps answering, and — since every request is invalid on purpose —
 * no table changes (a checksum of every row before and after each property).
 */
class HostileInputProperties {
    private static TestServer server;
    private static MatrixSeason season;
    private static HostileClient client;
    private static List<ApiOperations.Operation> operations;
    private static final int REQUESTS_AT_ONCE = 16;
    private static final int REQUEST_BATCHES = 530;
    private static final String BATCH = "/api/v1/marks:batch";
    private static final AtomicInteger sent = new AtomicInteger();
    private static final List<Caller> SIGNED_IN = Arrays.stream(Caller.values()).filter(c -> c != Caller.ANONYMOUS).toList();
    private static final AtomicInteger TURN = new AtomicInteger();
    private Map<String, String> before;

    @BeforeContainer
    static void start() {
        server = TestServer.start(Backend.MYSQL);
        SeasonOverHttp setup = new SeasonOverHttp(server, TestVertx.shared());
        setup.regions();
        season = new MatrixSeason(server, setup);
        client = new HostileClient(server.api());
        operations = ApiOperations.read(server.api().get(OpenApiDocument.PATH, null).body());
    }

    @AfterContainer
    static void stop() {
        if (server != null) {
            server.close();
        }
        System.out.println("hostile requests and frames sent: " + sent.get());
        assertThat(sent.get()).as("hostile requests and frames sent").isGreaterThanOrEqualTo(10_000);
    }

    @BeforeProperty
    void checksumBefore() {
        before = TableChecksum.of(server.database());
    }

    /** Refused requests stored nothing, and the server still answers. */
    @AfterProperty
    void nothingChangedAndTheServerLives() {
        assertThat(server.api().get("/health", null).status()).isEqualTo(200);
        assertThat(TableChecksum.of(server.database())).as("every table's checksum").isEqualTo(before);
    }

    /** Sixteen at a time, sent together, so that ten thousand take seconds rather than minutes. */
    @Property(tries = REQUEST_BATCHES)
    void everyHostileRequestIsRefusedWithTheErrorShape(@ForAll("requests") List<HostileRequests.HostileRequest> requests) {
        sent.addAndGet(requests.size());
        List<HostileClient.Answer> answers = client.sendAll(requests);
        for (int i = 0; i < requests.size(); i++) {
            refused(requests.get(i), answers.get(i));
        }
    }

    private static void refused(HostileRequests.HostileRequest request, HostileClient.Answer answer) {
        String what = request + " answered " + answer.status() + " " + answer.shortBody();
        assertThat(answer.status()).as(what).isLessThan(500);
        if (answer.status() == 200 && request.path().startsWith(BATCH)) {
            everyAckRejected(new JsonObject(answer.body()), what);
        } else if (request.spoiler() != HostileRequests.Spoiler.NONE) {
            assertThat(answer.status()).as(what).isBetween(400, 499);
        }
        if (answer.status() >= 400) {
            ErrorShape.check(answer.body(), what);
        }
    }

    /** A batch is answered mark by mark (the contract's "same semantics per mark"): each must be refused. */
    private static void everyAckRejected(JsonObject batch, String what) {
        for (Object ack : batch.getJsonArray("acks")) {
            assertThat(((JsonObject) ack).getString("status")).as(what).isEqualTo("REJECTED");
            ErrorShape.check((JsonObject) ack, what);
        }
    }

    /**
     * The callers take turns rather than being drawn at random: each may get only
     * {@value AuthService#TICKETS_PER_MINUTE} tickets a minute, and a fast run is done in less.
     */
    @Property(tries = 200)
    void hostileFramesOnTheJudgeSocketAreAnsweredAndStoreNothing(@ForAll("frames") List<String> frames) {
        Caller judge = SIGNED_IN.get(TURN.getAndIncrement() % SIGNED_IN.size());
        sent.addAndGet(frames.size());
        HostileClient.Conversation conversation = client.converse(season.token(judge), frames);

        for (JsonObject reply : conversation.replies()) {
            String what = "reply " + reply + " to " + frames;
            switch (reply.getString("type", "")) {
                case "error" -> ErrorShape.check(reply, what);
                case "ack" -> everyAckRejected(new JsonObject().put("acks", new io.vertx.core.json.JsonArray().add(reply)), what);
                case "assignments" -> assertThat(reply.getJsonArray("events")).as(what).isNotNull();
                default -> throw new AssertionError("unexpected " + what);
            }
        }
        if (conversation.closeCode() != null) {
            assertThat(conversation.closeCode()).as("close after %s", frames).isEqualTo(1008);
        }
    }

    @Property(tries = 100)
    void hostileFramesFromALiveScreenAreIgnoredOrCloseIt(@ForAll("frames") List<String> frames) {
        sent.addAndGet(frames.size());
        HostileClient.Conversation conversation = client.watch(season.finalEvent, frames);

        assertThat(conversation.replies()).as("what the screen got after %s", frames).isNotEmpty()
                .allSatisfy(frame -> assertThat(frame.getString("type")).isIn("snapshot", "delta"));
        assertThat(conversation.replies().getFirst().getString("type")).isEqualTo("snapshot");
        if (conversation.closeCode() != null) {
            assertThat(conversation.closeCode()).as("close after %s", frames).isEqualTo(1008);
        }
    }

    @Property(tries = 1000)
    void hostileUpgradesAreRefused(@ForAll("upgrades") String pathAndQuery) {
        sent.incrementAndGet();
        int status = client.upgrade(pathAndQuery);

        assertThat(status).as("upgrade %s", pathAndQuery).isBetween(400, 499);
    }

    @Provide
    Arbitrary<List<HostileRequests.HostileRequest>> requests() {
        return new HostileRequests(season).of(operations).list().ofSize(REQUESTS_AT_ONCE);
    }

    @Provide
    Arbitrary<List<String>> frames() {
        return new HostileFrames(season).conversations();
    }

    /** Each upgrade spoiled: an id naming nothing, or a ticket nobody issued (or none where one is needed). */
    @Provide
    Arbitrary<String> upgrades() {
        Arbitrary<String> forged = Arbitraries.oneOf(Hostile.pathParam(), Arbitraries.strings().alpha().ofLength(43));
        Arbitrary<String> live = Arbitraries.oneOf(
                Hostile.pathParam().map(id -> "/ws/live?eventId=" + id),
                forged.map(t -> "/ws/live?eventId=" + season.event + "&ticket=" + t),
                Hostile.pathParam().map(since -> "/ws/live?eventId=" + season.event + "&since=" + since),
                Hostile.pathParam().map(id -> "/ws/live?since=" + id));
        Arbitrary<String> judge = Arbitraries.oneOf(
                forged.map(t -> "/ws/judge?ticket=" + t),
                Arbitraries.just("/ws/judge"),
                Hostile.pathParam().map(q -> "/ws/judge?" + q));
        return Arbitraries.oneOf(live, judge, Hostile.pathParam().map(p -> "/ws/" + p));
    }
}
