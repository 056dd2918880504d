package ge.dms.bench.report;

import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * One measured latency series, summarised: what every scenario writes for each thing it timed.
 * Latencies are in milliseconds; throughput is successful operations per second of measured time.
 *
 * @param errorsByKind errors by cause, e.g. {@code "409"} or {@code "timeout"}
 */
public record Series(String name, long count, long errors, double p50, double p90, double p99, double p999, double max,
                     double mean, double throughput, Map<String, Long> errorsByKind) {

    private static final double NANOS_PER_MS = 1_000_000.0;

    /** Summarises a histogram recorded in nanoseconds. */
    public static Series of(String name, Histogram nanos, Map<String, Long> errorsByKind, Duration measured) {
        long errors = errorsByKind.values().stream().mapToLong(Long::longValue).sum();
        long count = nanos.getTotalCount();
        double seconds = Math.max(measured.toNanos(), 1) / 1e9;
        return new Series(name, count, errors,
                ms(nanos.getValueAtPercentile(50)), ms(nanos.getValueAtPercentile(90)), ms(nanos.getValueAtPercentile(99)),
                ms(nanos.getValueAtPercentile(99.9)), ms(nanos.getMaxValue()),
                count == 0 ? 0 : round(nanos.getMean() / NANOS_PER_MS), round(count / seconds), new TreeMap<>(errorsByKind));
    }

    private static double ms(long nanos) {
        return round(nanos / NANOS_PER_MS);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
