package org.craftmark.server.live;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.concurrent.atomic.LongAdder;

/**
 * What the live feeds have done since the server started, for {@code /metrics}: adders, because every
 * event loop bumps them for every screen. A rising {@code skipped} or {@code resyncs} means screens
 * (or the network to them) cannot keep up with the frames.
 */
final class LiveCounters {
    /** Delta frames published, one per event per change window. */
    final LongAdder frames = new LongAdder();
    /** Deltas written to screens as they were published (each screen's snapshot and replay not counted). */
    final LongAdder deliveries = new LongAdder();
    /** Deltas a screen did not get because it was behind. */
    final LongAdder skipped = new LongAdder();
    /** Snapshots sent to screens that had fallen behind, once their queue drained. */
    final LongAdder resyncs = new LongAdder();

    void register(MeterRegistry registry) {
        counter(registry, "craftmark.live.frames", frames, "Delta frames published to live screens");
        counter(registry, "craftmark.live.deliveries", deliveries, "Deltas written to live screens as they were published");
        counter(registry, "craftmark.live.skipped", skipped, "Deltas skipped by live screens that were behind");
        counter(registry, "craftmark.live.resyncs", resyncs, "Snapshots sent to live screens that had fallen behind");
    }

    private static void counter(MeterRegistry registry, String name, LongAdder adder, String description) {
        FunctionCounter.builder(name, adder, LongAdder::sum).description(description).register(registry);
    }
}
