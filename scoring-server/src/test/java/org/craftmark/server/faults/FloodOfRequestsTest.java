package org.craftmark.server.faults;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.craftmark.core.marking.Criterion;
import org.craftmark.core.marking.Kind;
import org.craftmark.core.marking.Method;
import org.craftmark.server.http.WorkLimit;
import org.craftmark.server.testing.Backend;
import org.craftmark.server.testing.MarkingFixture;
import org.craftmark.server.testing.TestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A flood of marks while the database is held up (the event row locked, as by a long transaction):
 * the server takes {@value WorkLimit#DEFAULT_MAX_IN_FLIGHT} requests to its workers and answers every
 * one beyond at once with 503 {@code UNAVAILABLE}, {@code Retry-After} and the error shape, storing
 * nothing of it; {@code /health} stays 200; once the database moves, what was taken is stored. A
 * burst of wrong passwords is answered 429 {@code RATE_LIMITED}. The soak variant
 * ({@code craftmark.chaos.overloadMinutes}) floods for minutes and prints the peak heap.
 */
@DisplayName("A flood of requests")
class FloodOfRequestsTest {
    private static final int LIMIT = WorkLimit.DEFAULT_MAX_IN_FLIGHT;
    private static final int REQUESTS = LIMIT + 144;
    private static final int MARKS_PER_REQUEST = 5;
    private static final String JUDGE = "flood-judge";
    private static final long SOAK_MINUTES = Long.getLong("craftmark.chaos.overloadMinutes", 0);

    /** HTTP/1.1: one connection per request in flight, as a crowd of tablets and scripts would come. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
            .executor(Executors.newVirtualThreadPerTaskExecutor()).build();

    @Test
    @DisplayName("past the work limit: 503 UNAVAILABLE with Retry-After at once, nothing stored of it, /health 200")
    void refusesWhatItCannotTakeAndStaysHealthy() throws Exception {
        try (TestServer server = TestServer.start(Backend.MYSQL); HeapSampler heap = HeapSampler.start()) {
            MarkingFixture season = MarkingFixture.create(server, List.of(new Criterion("A1", "A", "尺寸", Kind.MEASUREMENT,
                    BigDecimal.valueOf(30), Method.SINGLE, 1)), List.of(), List.of("F01", "F02", "F03"), List.of(JUDGE));
            String token = server.api().token(JUDGE, MarkingFixture.JUDGE_PASSWORD);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(SOAK_MINUTES);
            int rounds = 0;
            long refused = 0;
            Set<String> taken = new HashSet<>();
            do {
                Round round = flood(server, season, token);
                // Refused at the door: Retry-After, at most what is beyond the limit (fewer only when the
                // held statement ran out of its query timeout and freed places while the flood still came).
                List<HttpResponse<String>> atTheDoor = round.refused().stream()
                        .filter(r -> r.headers().firstValue("Retry-After").isPresent()).toList();
                assertThat(atTheDoor).as("refused beyond the limit, round " + rounds).isNotEmpty().hasSizeLessThanOrEqualTo(REQUESTS - LIMIT);
                for (HttpResponse<String> response : round.refused()) {
                    JsonObject error = new JsonObject(response.body()).getJsonObject("error");
                    assertThat(error.getString("code")).isEqualTo("UNAVAILABLE");
                    assertThat(error.getString("message")).isNotBlank();
                    assertThat(error.getJsonArray("details")).isNotNull();
                }
                assertThat(round.takenIds()).hasSize((REQUESTS - round.refused().size()) * MARKS_PER_REQUEST);
                taken.addAll(round.takenIds());
                refused += round.refused().size();
                rounds++;
            } while (System.nanoTime() < deadline);
            assertThat(Set.copyOf(StoredMarks.clientMarkIds(server.database(), season.judges.get(JUDGE))))
                    .as("stored: exactly what was taken, nothing of what was refused").isEqualTo(taken);
            assertThat(server.api().get("/health", null).status()).isEqualTo(200);
            assertWrongPasswordsAreRateLimited(server);
            heap.close();
            if (SOAK_MINUTES > 0) {
                assertThat(heap.peakAfterGcMiB()).as("heap left after collections, MiB").isLessThan(HeapSampler.maxHeapMiB() * 3 / 4);
            }
            ChaosFigures.print("overload", "minutes=" + SOAK_MINUTES + " rounds=" + rounds + " requests=" + rounds * REQUESTS
                    + " refused503=" + refused + " peakHeapMiB=" + heap.peakUsedMiB() + " peakHeapAfterGcMiB=" + heap.peakAfterGcMiB()
                    + " maxHeapMiB=" + HeapSampler.maxHeapMiB() + " samples=" + heap.samples());
        }
    }

    private record Round(List<HttpResponse<String>> refused, List<String> takenIds) {
    }

    /**
     * Holds the event row while {@link #REQUESTS} batches arrive at once, so exactly {@link #LIMIT} of
     * them wait on the database, then lets go and collects every answer.
     */
    private Round flood(TestServer server, MarkingFixture season, String token) throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> hold = CompletableFuture.runAsync(() -> server.app().database().transaction(tx -> {
            tx.events().findForUpdate(season.eventId).orElseThrow();
            locked.countDown();
            return awaitQuietly(release);
        }));
        assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
        List<List<String>> ids = new ArrayList<>();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        List<HttpResponse<String>> refused = new ArrayList<>();
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < REQUESTS; i++) {
                List<String> batch = new ArrayList<>();
                JsonArray marks = new JsonArray();
                for (int m = 0; m < MARKS_PER_REQUEST; m++) {
                    String id = UUID.randomUUID().toString();
                    batch.add(id);
                    marks.add(new JsonObject().put("clientMarkId", id).put("eventId", season.eventId)
                            .put("entryId", season.entry(List.of("F01", "F02", "F03").get(m % 3))).put("criterion", "A1").put("value", (i % 30) + 0.5));
                }
                ids.add(batch);
                HttpRequest request = HttpRequest.newBuilder(URI.create(server.api().baseUrl() + "/api/v1/marks:batch"))
                        .timeout(Duration.ofMinutes(2)).header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("marks", marks).encode())).build();
                answers.add(CompletableFuture.supplyAsync(() -> send(request), senders));
            }
            Poll.until(Duration.ofSeconds(60), () -> "every request answered or waiting on the database; answered so far: " + answers.stream()
                            .filter(CompletableFuture::isDone).map(a -> a.isCompletedExceptionally() ? "failed" : String.valueOf(a.join().statusCode()))
                            .collect(java.util.stream.Collectors.groupingBy(s -> s, java.util.stream.Collectors.counting())),
                    () -> answers.stream().filter(CompletableFuture::isDone).count() >= REQUESTS - LIMIT);
            assertThat(answers.stream().filter(a -> a.isDone() && a.join().statusCode() == 200))
                    .as("nothing acknowledged while the event row is held").isEmpty();
            assertThat(server.api().get("/health", null).status()).as("/health during the flood").isEqualTo(200);
        } finally {
            release.countDown();
        }
        hold.get(30, TimeUnit.SECONDS);
        List<String> taken = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            HttpResponse<String> response = answers.get(i).get(2, TimeUnit.MINUTES);
            assertThat(response.statusCode()).as(response.body()).isIn(200, 503);
            if (response.statusCode() == 503) {
                refused.add(response);
            } else {
                JsonArray acks = new JsonObject(response.body()).getJsonArray("acks");
                assertThat(acks).allSatisfy(a -> assertThat(((JsonObject) a).getString("status")).isEqualTo("ACCEPTED"));
                taken.addAll(ids.get(i));
            }
        }
        return new Round(refused, taken);
    }

    private static void assertWrongPasswordsAreRateLimited(TestServer server) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            var response = server.api().login(JUDGE, "wrong-" + i);
            statuses.add(response.status());
            if (response.status() == 429) {
                assertThat(response.errorCode()).isEqualTo("RATE_LIMITED");
                assertThat(response.header("Retry-After")).isNotNull();
            }
        }
        assertThat(statuses).as("wrong passwords, one after another").contains(429).doesNotContain(500);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }
}
