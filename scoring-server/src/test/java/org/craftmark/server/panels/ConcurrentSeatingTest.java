package org.craftmark.server.panels;

import io.vertx.core.json.JsonObject;
import org.craftmark.server.testing.Api;
import org.craftmark.server.testing.OnMariaDb;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seating judges at once on MariaDB once answered 500 ("Deadlock found": an update then an insert
 * taking the same gap lock). Now every seating is one upsert, and a lock race left over is retried.
 */
@DisplayName("Seating judges concurrently")
class ConcurrentSeatingTest extends OnMariaDb {
    private static final int JUDGES = 50;

    @Test
    @DisplayName("50 judges seated at once from 50 threads: every answer 201, none 500, the panel has all 50")
    void fiftyJudgesAtOnce() throws Exception {
        long event = season.event(season.contest("并发赛", "DISTRICT", "110112", null, 7), "6-20-01-01", "钳工", null, null);
        List<Long> judges = IntStream.range(0, JUDGES).mapToObj(i -> season.judge("seat-" + i)).toList();

        List<Api.Response> answers = allAtOnce(judges.stream().map(judge -> seating(event, judge, "JUDGE")).toList());

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.body()).isEqualTo(201));
        assertThat(panelOf(event)).hasSize(JUDGES);
    }

    @Test
    @DisplayName("one judge seated from 10 threads at once, as JUDGE and CHIEF: every answer 201, one seat")
    void reseatingRacesToOneSeat() throws Exception {
        long event = season.event(season.contest("并发改座", "DISTRICT", "110112", null, 7), "6-20-01-02", "焊工", null, null);
        long judge = season.judge("reseat-1");

        List<Api.Response> answers = allAtOnce(IntStream.range(0, 10)
                .mapToObj(i -> seating(event, judge, i % 2 == 0 ? "JUDGE" : "CHIEF")).toList());

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.body()).isEqualTo(201));
        assertThat(panelOf(event)).hasSize(1);
    }

    private static Supplier<Api.Response> seating(long event, long judge, String role) {
        JsonObject body = new JsonObject().put("userId", judge).put("role", role);
        return () -> server.api().post("/api/v1/events/" + event + "/panel", body, season.admin());
    }

    private static List<?> panelOf(long event) {
        return server.api().get("/api/v1/events/" + event + "/panel", season.admin()).json().getJsonArray("items").getList();
    }

    /** Each request on a thread of its own, all released together by one latch. */
    private static List<Api.Response> allAtOnce(List<Supplier<Api.Response>> requests) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(requests.size());
        try {
            List<Future<Api.Response>> pending = new ArrayList<>();
            for (Supplier<Api.Response> request : requests) {
                pending.add(threads.submit(() -> {
                    start.await();
                    return request.get();
                }));
            }
            start.countDown();
            List<Api.Response> answers = new ArrayList<>();
            for (Future<Api.Response> answer : pending) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }
}
