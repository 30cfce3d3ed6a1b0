package org.craftmark.bench.documents;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads the server's heap in use from its own {@code /metrics} ({@code jvm_memory_used_bytes} of
 * every heap pool, summed) every {@value #PERIOD_MILLIS} ms and keeps the highest reading since
 * {@link #reset}. "In use" includes garbage not yet collected: it is what the heap had to hold, and
 * never more than {@code -Xmx}.
 */
final class HeapSampler implements AutoCloseable {
    static final long PERIOD_MILLIS = 50;
    private static final String USED = "jvm_memory_used_bytes{";

    private final ServerProcess server;
    private final AtomicLong peak = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    HeapSampler(ServerProcess server) {
        this.server = server;
        this.thread = Thread.ofPlatform().daemon().name("heap-sampler").start(this::sample);
    }

    void reset() {
        peak.set(0);
    }

    /** The highest heap in use read since {@link #reset}, in MiB. */
    double peakMiB() {
        return peak.get() / 1024.0 / 1024.0;
    }

    private void sample() {
        while (running) {
            try {
                peak.accumulateAndGet(heapUsed(server.metrics()), Math::max);
                Thread.sleep(PERIOD_MILLIS); // the sampling period
            } catch (InterruptedException e) {
                return;
            } catch (Exception serverBusyOrGone) {
                // a missed reading; the next one counts
            }
        }
    }

    static long heapUsed(String metrics) {
        long used = 0;
        for (String line : metrics.split("\n")) {
            if (line.startsWith(USED) && line.contains("area=\"heap\"")) {
                used += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return used;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join();
    }
}
