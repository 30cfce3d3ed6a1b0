package org.craftmark.bench.fanout;

import java.lang.management.ManagementFactory;

/** The load generator's own CPU: it shares the machine's cores with the server it measures. */
final class LoadGenCpu {
    private LoadGenCpu() {
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
