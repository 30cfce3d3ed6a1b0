package org.craftmark.server.faults;

import io.vertx.core.json.JsonObject;
import org.craftmark.core.marking.Criterion;
import org.craftmark.core.marking.Kind;
import org.craftmark.core.marking.Method;
import org.craftmark.server.config.LiveSettings;
import org.craftmark.server.testing.Backend;
import org.craftmark.server.testing.LiveScreen;
import org.craftmark.server.testing.MarkingFixture;
import org.craftmark.server.testing.RawUpgrade;
import org.craftmark.server.testing.TestServer;
import org.craftmark.server.testing.TestVertx;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A crowd of phones opening live screens far past the node's cap, each keeping a few open and letting
 * the oldest go when it has too many or is refused (closed, or dropped with no close frame): every attempt is upgraded or refused 503
 * {@code UNAVAILABLE} with {@code Retry-After} in the error shape, never 500; the node never holds
 * more screens than its cap; every place comes back once the crowd leaves; the heap stays bounded.
 * The soak variant raises {@code craftmark.chaos.liveScreenAttempts} (and the cap).
 */
@DisplayName("A flood of live screens")
class FloodOfLiveScreensTest {
    private static final int CAP = Integer.getInteger("craftmark.chaos.liveScreenCap", 300);
    private static final int ATTEMPTS = Integer.getInteger("craftmark.chaos.liveScreenAttempts", 3_000);
    private static final int CROWD = 64;
    /** Screens each phone keeps open: together about twice the cap (at least 8 each), so the flood meets it. */
    private static final int KEPT = Math.max(8, 2 * CAP / CROWD);

    @Test
    @DisplayName("past the cap: 503 with Retry-After, never 500, never more screens than the cap, every place back afterwards")
    void theNodeHoldsItsCapAndNoMore() throws Exception {
        try (TestServer server = TestServer.start(Backend.H2, new LiveSettings(CAP, 0)); HeapSampler heap = HeapSampler.start()) {
            MarkingFixture event = MarkingFixture.create(server, List.of(new Criterion("A1", "A", "尺寸", Kind.MEASUREMENT,
                    BigDecimal.TEN, Method.SINGLE, 1)), List.of(), List.of("S01", "S02", "S03"), List.of("screen-flood-judge"));
            Crowd crowd = new Crowd(URI.create(server.api().baseUrl()).getPort(), "/ws/live?eventId=" + event.eventId);
            AtomicInteger peakOnServer = new AtomicInteger();
            Thread sampler = Thread.ofPlatform().daemon(true).start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peakOnServer.accumulateAndGet(openScreens(server), Math::max);
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                }
            });
            try {
                crowd.floodAndLeave();
            } finally {
                sampler.interrupt();
                sampler.join(5_000);
            }
            Poll.until(Duration.ofSeconds(30), () -> "every place given back; still held: " + openScreens(server), () -> openScreens(server) == 0);

            assertThat(crowd.problems).as("refusals not in the contract's shape").isEmpty();
            assertThat(crowd.statuses.keySet()).as("answers to the upgrades").containsExactlyInAnyOrder(101, 503);
            assertThat(crowd.statuses.get(101).get()).as("screens opened: places were freed and taken again").isGreaterThan(CAP);
            assertThat(peakOnServer.get()).as("screens held by the server at the peak").isLessThanOrEqualTo(CAP);
            assertThat(crowd.peakHeld.get()).as("screens the crowd held at once").isLessThanOrEqualTo(CAP);
            assertThat(server.api().get("/health", null).status()).isEqualTo(200);
            try (LiveScreen after = LiveScreen.open(TestVertx.shared(), server.api(), event.eventId, null, null)) {
                after.awaitSeq(0);
            }
            heap.close();
            assertThat(heap.peakAfterGcMiB()).as("heap left after collections, MiB").isLessThan(HeapSampler.maxHeapMiB() * 3 / 4);
            ChaosFigures.print("live-flood", "attempts=" + ATTEMPTS + " cap=" + CAP + " opened=" + crowd.statuses.get(101)
                    + " refused503=" + crowd.statuses.get(503) + " peakOpen=" + peakOnServer + " peakHeapMiB=" + heap.peakUsedMiB()
                    + " peakHeapAfterGcMiB=" + heap.peakAfterGcMiB() + " maxHeapMiB=" + HeapSampler.maxHeapMiB());
        }
    }

    private static int openScreens(TestServer server) {
        return server.app().services().liveScreens().open();
    }

    /** {@link #CROWD} phones sharing {@link #ATTEMPTS} upgrades between them. */
    private static final class Crowd {
        private final int port;
        private final String feed;
        private final AtomicLong attempts = new AtomicLong();
        private final AtomicInteger held = new AtomicInteger();
        private final AtomicInteger peakHeld = new AtomicInteger();
        private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        private final Queue<String> problems = new ConcurrentLinkedQueue<>();

        Crowd(int port, String feed) {
            this.port = port;
            this.feed = feed;
        }

        void floodAndLeave() throws InterruptedException {
            try (ExecutorService phones = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < CROWD; i++) {
                    phones.submit(this::phone);
                }
                phones.shutdown();
                assertThat(phones.awaitTermination(5, TimeUnit.MINUTES)).as("the crowd is done").isTrue();
            }
        }

        /**
         * Opens screens while attempts are left, keeping the newest {@link #KEPT}; a refused phone lets
         * its oldest go, so places keep being freed and taken while the node is full. Then leaves.
         */
        private void phone() {
            Deque<RawUpgrade> mine = new ArrayDeque<>();
            long n;
            while ((n = attempts.incrementAndGet()) <= ATTEMPTS) {
                RawUpgrade screen = attempt();
                boolean upgraded = screen != null && screen.upgraded();
                if (upgraded) {
                    peakHeld.accumulateAndGet(held.incrementAndGet(), Math::max);
                    mine.addLast(screen);
                }
                if (mine.size() > KEPT || !upgraded && !mine.isEmpty()) {
                    leave(mine.removeFirst(), n);
                }
            }
            while (!mine.isEmpty()) {
                leave(mine.removeFirst(), 0);
            }
        }

        private RawUpgrade attempt() {
            try {
                RawUpgrade screen = RawUpgrade.attempt(port, feed);
                statuses.computeIfAbsent(screen.status(), s -> new AtomicLong()).incrementAndGet();
                if (!screen.upgraded()) {
                    checkRefusal(screen);
                }
                return screen;
            } catch (UncheckedIOException e) {
                problems.add("no answer: " + e.getCause());
                return null;
            }
        }

        private void checkRefusal(RawUpgrade refused) {
            try {
                JsonObject error = refused.error();
                if (refused.status() != 503 || !"UNAVAILABLE".equals(error.getString("code")) || refused.header("Retry-After") == null
                        || error.getString("message") == null || error.getJsonArray("details") == null) {
                    problems.add(refused.status() + " " + refused.body());
                }
            } catch (RuntimeException e) {
                problems.add(refused.status() + " not JSON: " + refused.body());
            }
        }

        /** Half the screens leave with a close, half are dropped with a reset (a phone leaving the Wi-Fi). */
        private void leave(RawUpgrade screen, long n) {
            held.decrementAndGet();
            if (n % 2 == 0) {
                screen.close();
            } else {
                screen.drop();
            }
        }
    }
}
