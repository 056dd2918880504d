package ge.dms.bench.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine a result was measured on, so numbers from different hosts are never compared blind.
 *
 * @param cpu          the processor model (Linux: /proc/cpuinfo), or "unknown"
 * @param cores        processors available to this JVM
 * @param memoryBytes  physical memory of the host (0 when the JVM cannot tell)
 * @param maxHeapBytes the JVM's maximum heap
 * @param loadAverage  the host's 1-minute load average when the run ended: on a shared machine,
 *                     a figure above the core count means the numbers are floors
 */
public record Machine(String host, String cpu, int cores, long memoryBytes, long maxHeapBytes, String os, String jdk,
                     double loadAverage) {

    public static Machine describe() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        long memory = os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getTotalMemorySize() : 0;
        return new Machine(hostName(), cpuModel(), Runtime.getRuntime().availableProcessors(), memory, Runtime.getRuntime().maxMemory(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")",
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"),
                Math.round(os.getSystemLoadAverage() * 100) / 100.0);
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        try {
            if (Files.isReadable(cpuinfo)) {
                try (var lines = Files.lines(cpuinfo)) {
                    return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).strip())
                            .findFirst().orElse("unknown");
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            return "unknown";
        }
        return "unknown";
    }
}
