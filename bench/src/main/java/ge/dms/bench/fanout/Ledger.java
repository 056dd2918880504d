package ge.dms.bench.fanout;

import ge.dms.bench.report.Series;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every change the workload made and every message the drivers' sockets received, matched by
 * order id and version. A change is registered before its request is sent (its version is the
 * one the request will produce), so a message that beats the HTTP answer still finds it.
 * Latencies go to HdrHistograms in nanoseconds; missing, duplicated, unexpected and misrouted
 * messages are counted.
 */
final class Ledger {

    static final String REQUEST_TO_SOCKET = "request->socket";
    static final String COMMIT_TO_SOCKET = "commit->socket";
    static final String REQUEST_TO_ANSWER = "request->answer";
    static final String HOP_REQUEST_TO_COMMIT = "hop 1 request->commit";
    static final String HOP_COMMIT_TO_REDIS = "hops 2-5 commit->redis";
    static final String HOP_REDIS_TO_SOCKET = "hop 6 redis->socket";
    private static final List<String> ORDER = List.of(REQUEST_TO_SOCKET, COMMIT_TO_SOCKET, REQUEST_TO_ANSWER,
            HOP_REQUEST_TO_COMMIT, HOP_COMMIT_TO_REDIS, HOP_REDIS_TO_SOCKET);
    private static final long MAX_TRACKABLE = Duration.ofMinutes(5).toNanos();
    /** Per-step series are named {@code <step> request->socket} and {@code <step> commit->redis}. */
    static final String STEP_REQUEST_TO_SOCKET = " request->socket";
    static final String STEP_COMMIT_TO_REDIS = " commit->redis";

    private record Key(long orderId, long version) {
    }

    /** One change: who should hear of it, when it was due (System.nanoTime and wall clock, µs), whether it is measured. */
    private static final class Change {
        final String step;
        final long driverId;
        final long intendedNanos;
        final long intendedWallMicros;
        final boolean measured;
        final AtomicInteger deliveries = new AtomicInteger();
        /** Its request got no answer (timeout): it may or may not have committed, so no message is owed. */
        volatile boolean unanswered;

        Change(String step, long driverId, long intendedNanos, long intendedWallMicros, boolean measured) {
            this.step = step;
            this.driverId = driverId;
            this.intendedNanos = intendedNanos;
            this.intendedWallMicros = intendedWallMicros;
            this.measured = measured;
        }
    }

    /** A change message as a socket received it. {@code redisMillis} is the stream entry id's time, when the entry was written. */
    record Arrival(long driverId, long orderId, long version, long commitMicros, long redisMillis, long receivedNanos,
                   long receivedWallMicros) {
    }

    private final Map<Key, Change> changes = new ConcurrentHashMap<>();
    private final Map<String, Histogram> histograms = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final LongAdder duplicated = new LongAdder();
    private final LongAdder unexpected = new LongAdder();
    private final LongAdder misrouted = new LongAdder();
    private final LongAdder received = new LongAdder();
    private final LongAdder delivered = new LongAdder();
    /** Per measured change, ns: request->socket and hops 1, 2-5, 6; for where the slowest ones lost their time. */
    private final java.util.Queue<long[]> splits = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /**
     * Called just before the request that moves {@code orderId} to {@code version} is sent; {@code step}
     * names the kind of change (assign-driver, a status move, a rename) so each kind gets series of its own.
     */
    void expect(String step, long orderId, long version, long driverId, long intendedNanos, boolean measured) {
        long lagMicros = (System.nanoTime() - intendedNanos) / 1_000;
        changes.put(new Key(orderId, version), new Change(step, driverId, intendedNanos, Clock.wallMicros() - lagMicros, measured));
    }

    /** The request succeeded: its answer time is one more series. */
    void answered(long orderId, long version, long answeredNanos) {
        Change change = changes.get(new Key(orderId, version));
        if (change != null && change.measured) {
            record(REQUEST_TO_ANSWER, answeredNanos - change.intendedNanos);
        }
    }

    /** The request failed: no message is due for it. */
    void failed(long orderId, long version, String kind, boolean measured) {
        changes.remove(new Key(orderId, version));
        if (measured) {
            errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
        }
    }

    /** The request got no answer: the change may have been made, so its message counts if it comes and is not owed if not. */
    void unanswered(long orderId, long version, String kind, boolean measured) {
        Change change = changes.get(new Key(orderId, version));
        if (change != null) {
            change.unanswered = true;
        }
        if (measured) {
            errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
        }
    }

    /** A workload tick found no order waiting for its next step (the prepared pool ran dry): a change not made. */
    void notMade(String kind, boolean measured) {
        if (measured) {
            errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
        }
    }

    void arrived(Arrival a) {
        received.increment();
        Change change = changes.get(new Key(a.orderId(), a.version()));
        if (change == null) {
            unexpected.increment();
            return;
        }
        if (change.driverId != a.driverId()) {
            misrouted.increment();
            return;
        }
        if (change.deliveries.incrementAndGet() > 1) {
            duplicated.increment();
            return;
        }
        delivered.increment();
        if (!change.measured) {
            return;
        }
        record(REQUEST_TO_SOCKET, a.receivedNanos() - change.intendedNanos);
        record(change.step + STEP_REQUEST_TO_SOCKET, a.receivedNanos() - change.intendedNanos);
        if (a.commitMicros() > 0) {
            record(COMMIT_TO_SOCKET, (a.receivedWallMicros() - a.commitMicros()) * 1_000);
            record(HOP_REQUEST_TO_COMMIT, (a.commitMicros() - change.intendedWallMicros) * 1_000);
            if (a.redisMillis() > 0) {
                // Redis stamps stream ids in whole ms; the commit is in µs: up to 1 ms apart either way.
                record(HOP_COMMIT_TO_REDIS, (a.redisMillis() * 1_000 - a.commitMicros()) * 1_000);
                record(change.step + STEP_COMMIT_TO_REDIS, (a.redisMillis() * 1_000 - a.commitMicros()) * 1_000);
                record(HOP_REDIS_TO_SOCKET, (a.receivedWallMicros() - a.redisMillis() * 1_000) * 1_000);
                splits.add(new long[] {a.receivedNanos() - change.intendedNanos, (a.commitMicros() - change.intendedWallMicros) * 1_000,
                        (a.redisMillis() * 1_000 - a.commitMicros()) * 1_000, (a.receivedWallMicros() - a.redisMillis() * 1_000) * 1_000,
                        a.commitMicros()});
            }
        }
    }

    /** Changes that succeeded and whose message has not arrived (yet). */
    long missing() {
        return changes.values().stream().filter(c -> c.deliveries.get() == 0 && !c.unanswered).count();
    }

    /** Changes a message is owed for: every answered one. */
    long expected() {
        return changes.values().stream().filter(c -> !c.unanswered).count();
    }

    long unanswered() {
        return changes.values().stream().filter(c -> c.unanswered).count();
    }

    long delivered() {
        return delivered.sum();
    }

    long received() {
        return received.sum();
    }

    long duplicated() {
        return duplicated.sum();
    }

    long unexpected() {
        return unexpected.sum();
    }

    long misrouted() {
        return misrouted.sum();
    }

    long errorCount() {
        return errors.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /**
     * Where the slowest 1% of changes (request->socket at or above its 99th percentile) spent their
     * time: the mean of each hop over just those changes, in ms. Says which hop makes the p99.
     */
    Map<String, Object> tailSplit() {
        List<long[]> all = new ArrayList<>(splits);
        if (all.isEmpty()) {
            return Map.of();
        }
        all.sort(java.util.Comparator.comparingLong(change -> change[0]));
        List<long[]> tail = all.subList(Math.min((int) Math.floor(all.size() * 0.99), all.size() - 1), all.size());
        Map<String, Object> split = new java.util.LinkedHashMap<>();
        split.put("changes", tail.size());
        List<String> names = List.of(REQUEST_TO_SOCKET, HOP_REQUEST_TO_COMMIT, HOP_COMMIT_TO_REDIS, HOP_REDIS_TO_SOCKET);
        for (int i = 0; i < names.size(); i++) {
            int column = i;
            double mean = tail.stream().mapToLong(change -> change[column]).average().orElse(0) / 1e6;
            split.put(names.get(i), Math.round(mean * 10) / 10.0);
        }
        return split;
    }

    /**
     * When the slow changes happened: measured changes grouped by the second (since the first commit)
     * their commit fell in, and consecutive seconds in which some change needed more than
     * {@code slowMs} from commit to Redis merged into windows. A stall of the pipeline shows as one
     * window in which most changes are slow; a busy machine as slow changes spread thinly over many.
     */
    Map<String, Object> stallWindows(long slowMs) {
        List<long[]> all = new ArrayList<>(splits);
        Map<String, Object> result = new java.util.LinkedHashMap<>();
        if (all.isEmpty()) {
            return result;
        }
        long first = all.stream().mapToLong(change -> change[4]).min().orElseThrow();
        TreeMap<Long, long[]> bySecond = new TreeMap<>(); // second -> {changes, slow, worst ns}
        for (long[] change : all) {
            long[] second = bySecond.computeIfAbsent((change[4] - first) / 1_000_000, k -> new long[3]);
            second[0]++;
            if (change[2] > slowMs * 1_000_000) {
                second[1]++;
            }
            second[2] = Math.max(second[2], change[2]);
        }
        List<Window> windows = new ArrayList<>();
        for (Map.Entry<Long, long[]> second : bySecond.entrySet()) {
            long[] figures = second.getValue();
            if (figures[1] == 0) {
                continue;
            }
            Window last = windows.isEmpty() ? null : windows.getLast();
            if (last == null || second.getKey() != last.fromSecond + last.seconds) {
                last = new Window(second.getKey());
                windows.add(last);
            }
            last.seconds++;
            last.changes += figures[0];
            last.slowChanges += figures[1];
            last.worstNanos = Math.max(last.worstNanos, figures[2]);
        }
        result.put("slowMs", slowMs);
        result.put("secondsMeasured", bySecond.size());
        result.put("secondsWithSlowChanges", windows.stream().mapToLong(w -> w.seconds).sum());
        result.put("windows", windows.stream().map(Window::figures).toList());
        return result;
    }

    /** Consecutive seconds with slow changes, as {@link #stallWindows} merges them. */
    private static final class Window {
        final long fromSecond;
        long seconds;
        long changes;
        long slowChanges;
        long worstNanos;

        Window(long fromSecond) {
            this.fromSecond = fromSecond;
        }

        Map<String, Object> figures() {
            Map<String, Object> figures = new java.util.LinkedHashMap<>();
            figures.put("fromSecond", fromSecond);
            figures.put("seconds", seconds);
            figures.put("changes", changes);
            figures.put("slowChanges", slowChanges);
            figures.put("worstMs", Math.round(worstNanos / 1e5) / 10.0);
            return figures;
        }
    }

    /** The measured series, request errors by kind on the two end-to-end ones. */
    List<Series> summarise(Duration measured) {
        Map<String, Long> byKind = new TreeMap<>();
        errors.forEach((kind, n) -> byKind.put(kind, n.sum()));
        List<Series> result = new ArrayList<>();
        for (String name : ORDER) {
            boolean endToEnd = name.equals(REQUEST_TO_SOCKET) || name.equals(REQUEST_TO_ANSWER);
            result.add(Series.of(name, histogram(name), endToEnd ? byKind : Map.of(), measured));
        }
        // Then each kind of change apart, in the order they were first seen, so one slow kind cannot hide in the mix.
        for (String name : new TreeMap<>(histograms).keySet()) {
            if (!ORDER.contains(name)) {
                result.add(Series.of(name, histogram(name), Map.of(), measured));
            }
        }
        return result;
    }

    private void record(String series, long nanos) {
        histogram(series).recordValue(Math.min(Math.max(nanos, 1), MAX_TRACKABLE));
    }

    private Histogram histogram(String series) {
        return histograms.computeIfAbsent(series, s -> new ConcurrentHistogram(MAX_TRACKABLE, 3));
    }

    /** The host's wall clock in µs: the same clock PostgreSQL stamps commits with and Redis its stream ids. */
    static final class Clock {
        private Clock() {
        }

        static long wallMicros() {
            java.time.Instant now = java.time.Instant.now();
            return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
        }
    }
}
