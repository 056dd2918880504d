package ge.dms.bench.fanout;

import java.lang.management.ManagementFactory;

/**
 * What the bench itself costs while it drives the load: its process's CPU time over wall time, in
 * cores (0.5 = half of one core). The bench shares the machine with the platform it measures, so
 * this is CPU the platform did not have.
 */
final class ClientCpu {

    private final long cpuStart;
    private final long wallStart;

    private ClientCpu(long cpuStart, long wallStart) {
        this.cpuStart = cpuStart;
        this.wallStart = wallStart;
    }

    static ClientCpu start() {
        return new ClientCpu(processCpuNanos(), System.nanoTime());
    }

    /** Cores used since {@link #start}, to two decimals, or null where the JVM cannot tell. */
    Double cores() {
        long cpu = processCpuNanos();
        long wall = System.nanoTime() - wallStart;
        if (cpuStart < 0 || cpu < 0 || wall <= 0) {
            return null;
        }
        return Math.round((cpu - cpuStart) * 100.0 / wall) / 100.0;
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }
}
