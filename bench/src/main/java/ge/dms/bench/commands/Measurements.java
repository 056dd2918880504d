package ge.dms.bench.commands;

import ge.dms.bench.report.Series;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * One phase's latencies (nanoseconds, from each request's intended start) and errors, by series
 * name; every sample also goes to the phase's {@code all} series.
 */
public final class Measurements {

    public static final String ALL = "all";
    private static final long MAX_TRACKABLE = Duration.ofMinutes(5).toNanos();

    private final Map<String, Histogram> latencies = new ConcurrentHashMap<>();
    private final Map<String, Map<String, LongAdder>> errors = new ConcurrentHashMap<>();

    public void success(String series, long nanos) {
        long value = Math.min(Math.max(nanos, 1), MAX_TRACKABLE);
        histogram(series).recordValue(value);
        histogram(ALL).recordValue(value);
    }

    public void error(String series, String kind) {
        count(series, kind);
        if (!series.equals(ALL)) {
            count(ALL, kind);
        }
    }

    public long errorCount() {
        return errors.getOrDefault(ALL, Map.of()).values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** The phase as series named {@code prefix + name}, {@code all} last. */
    public List<Series> summarise(String prefix, List<String> order, Duration measured) {
        List<Series> result = new ArrayList<>();
        for (String name : order) {
            Map<String, Long> errorsByKind = new java.util.TreeMap<>();
            errors.getOrDefault(name, Map.of()).forEach((kind, n) -> errorsByKind.put(kind, n.sum()));
            result.add(Series.of(prefix + name, histogram(name), errorsByKind, measured));
        }
        return result;
    }

    private Histogram histogram(String series) {
        return latencies.computeIfAbsent(series, s -> new ConcurrentHistogram(MAX_TRACKABLE, 3));
    }

    private void count(String series, String kind) {
        errors.computeIfAbsent(series, s -> new ConcurrentHashMap<>()).computeIfAbsent(kind, k -> new LongAdder()).increment();
    }
}
