package org.craftmark.server.faults;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Samples this JVM's heap (the in-process server's and the test's) every 200 ms: the peak in use, and
 * the peak left after a collection — what a leak or an unbounded queue would make grow.
 */
final class HeapSampler implements AutoCloseable {
    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicLong peakAfterGc = new AtomicLong();
    private final AtomicLong samples = new AtomicLong();
    private volatile boolean running = true;
    private final Thread thread;

    private HeapSampler() {
        thread = Thread.ofPlatform().daemon(true).name("heap-sampler").start(this::run);
    }

    static HeapSampler start() {
        return new HeapSampler();
    }

    private void run() {
        while (running) {
            long used = 0;
            long afterGc = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    used += pool.getUsage().getUsed();
                    MemoryUsage collected = pool.getCollectionUsage();
                    afterGc += collected == null ? 0 : collected.getUsed();
                }
            }
            peakUsed.accumulateAndGet(used, Math::max);
            peakAfterGc.accumulateAndGet(afterGc, Math::max);
            samples.incrementAndGet();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
    }

    long peakUsedMiB() {
        return peakUsed.get() >> 20;
    }

    long peakAfterGcMiB() {
        return peakAfterGc.get() >> 20;
    }

    long samples() {
        return samples.get();
    }

    static long maxHeapMiB() {
        return Runtime.getRuntime().maxMemory() >> 20;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(1_000);
    }
}
