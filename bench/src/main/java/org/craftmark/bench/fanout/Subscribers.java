package org.craftmark.bench.fanout;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import org.HdrHistogram.Recorder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * N WebSocket subscribers in the load generator. A frame's latency is the time from its first
 * arrival at any subscriber to its arrival at each one: what the fan-out itself costs, measured
 * the same way for Craftmark and the bare broadcaster (neither needs a clock shared with the server).
 */
final class Subscribers {
    private static final int CONNECTING_AT_ONCE = 200;
    private static final int SAMPLE_FRAMES = 40;
    private static final long HANDSHAKE_MILLIS = 60_000;

    private final Vertx vertx;
    private final WebSocketClient client;
    private final Map<Long, Long> firstArrival = new ConcurrentHashMap<>();
    private final Recorder latency = new Recorder(60_000_000_000L, 3);
    private final AtomicLong deliveries = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    /** The first deltas seen while measuring: the bare broadcaster replays them (same payload). */
    private final List<String> sample = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile boolean measuring;

    Subscribers(Vertx vertx) {
        this.vertx = vertx;
        this.client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(Integer.MAX_VALUE)
                .setMaxFrameSize(1 << 20).setMaxMessageSize(1 << 24));
    }

    /**
     * Opens {@code n} subscribers to {@code uri}, {@value #CONNECTING_AT_ONCE} handshakes at a time;
     * answers how many opened. A handshake that a swamped server never answers times out instead of
     * stalling the run.
     */
    int open(int port, String uri, int n) {
        AtomicLong opened = new AtomicLong();
        for (int done = 0; done < n; done += CONNECTING_AT_ONCE) {
            List<Future<?>> batch = new ArrayList<>();
            for (int i = done; i < Math.min(n, done + CONNECTING_AT_ONCE); i++) {
                batch.add(client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI(uri)
                                .setConnectTimeout(HANDSHAKE_MILLIS).setTimeout(HANDSHAKE_MILLIS))
                        .onSuccess(ws -> {
                            opened.incrementAndGet();
                            ws.textMessageHandler(this::arrived);
                        }));
            }
            Future.join(batch).otherwiseEmpty().await();
        }
        return (int) opened.get();
    }

    private void arrived(String text) {
        if (!measuring) {
            return;
        }
        long now = System.nanoTime();
        JsonObject frame = new JsonObject(text);
        if (!"delta".equals(frame.getString("type"))) {
            return;
        }
        long first = firstArrival.computeIfAbsent(frame.getLong("seq"), seq -> {
            if (sample.size() < SAMPLE_FRAMES) {
                sample.add(text);
            }
            return now;
        });
        latency.recordValue(Math.max(0, now - first));
        deliveries.incrementAndGet();
        bytes.addAndGet(text.length());
    }

    /** Counts deliveries for {@code seconds}; answers what was seen. */
    Result measure(int seconds, int n) throws InterruptedException {
        latency.reset();
        measuring = true;
        long cpuBefore = LoadGenCpu.processCpuNanos();
        long started = System.nanoTime();
        Thread.sleep(seconds * 1000L); // the measuring window itself
        measuring = false;
        double wall = (System.nanoTime() - started) / 1e9;
        double cpu = (LoadGenCpu.processCpuNanos() - cpuBefore) / 1e9 / wall / Runtime.getRuntime().availableProcessors();
        long count = deliveries.getAndSet(0);
        long size = bytes.getAndSet(0);
        double p99 = latency.getIntervalHistogram().getValueAtPercentile(99) / 1e6;
        return new Result(count / wall, count / wall / n, p99, cpu, count == 0 ? 0 : (int) (size / count), sample());
    }

    /** Distinct deltas as they arrived, up to {@value #SAMPLE_FRAMES}. */
    List<String> sample() {
        synchronized (sample) {
            return List.copyOf(sample);
        }
    }

    void close() {
        client.close().await();
    }

    record Result(double deliveriesPerSecond, double framesPerScreenPerSecond, double p99Millis, double loadGenCpu, int meanFrameBytes,
                  List<String> sample) {
    }
}
