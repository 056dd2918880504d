package ge.dms.bench.fanout;

import ge.dms.bench.report.Series;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every change the workload made and every message the drivers' sockets received, matched by
 * order id, version and kind (an upsert, or the "unassigned" an old driver gets on a
 * reassignment). A change is registered before its request is sent (its version is the one the
 * request will produce), so a message that beats the HTTP answer still finds it. Latencies go to
 * HdrHistograms in nanoseconds; missing, duplicated, unexpected and misrouted messages are
 * counted. Driver renames are matched by {@link Renames}: a same-version message carrying a name a
 * rename gave is a rename's message, not a duplicate.
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
    /** The step after which an order is finished: a rename reaches its view later, by a slower path. */
    static final String FINAL_STEP = "deliver";

    private record Key(long orderId, long version, boolean unassigned) {
    }

    /** A name seen on one (order, version): a second message with the same one is a duplicate. */
    private record NameSeen(long orderId, long version, String name) {
    }

    /** One message owed: who should hear of it, when it was due (System.nanoTime and wall clock, µs), whether it is measured. */
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

    private final Map<Key, Change> changes = new ConcurrentHashMap<>();
    private final Set<NameSeen> renamedNamesSeen = ConcurrentHashMap.newKeySet();
    private final Map<String, Histogram> histograms = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final LongAdder duplicated = new LongAdder();
    private final LongAdder unexpected = new LongAdder();
    private final LongAdder misrouted = new LongAdder();
    private final LongAdder received = new LongAdder();
    private final LongAdder delivered = new LongAdder();
    private final Splits splits = new Splits();
    private final Renames renames = new Renames(this::record);
    private final ChangeListener listener;

    Ledger() {
        this(ChangeListener.NONE);
    }

    /** With {@code listener} told of every answer, failure and arrival as it happens (the faults scenario's timeline). */
    Ledger(ChangeListener listener) {
        this.listener = listener;
    }

    /**
     * Called just before the request that moves {@code orderId} to {@code version} is sent; {@code step}
     * names the kind of change (assign-driver, a status move, reassign-to) so each kind gets series of its own.
     */
    void expect(String step, long orderId, long version, long driverId, long intendedNanos, boolean measured) {
        put(new Key(orderId, version, false), step, driverId, intendedNanos, measured);
    }

    /** The same request also owes the order's previous driver a {@code "change":"unassigned"} with that version. */
    void expectUnassigned(String step, long orderId, long version, long driverId, long intendedNanos, boolean measured) {
        put(new Key(orderId, version, true), step, driverId, intendedNanos, measured);
    }

    private void put(Key key, String step, long driverId, long intendedNanos, boolean measured) {
        long lagMicros = (System.nanoTime() - intendedNanos) / 1_000;
        changes.put(key, new Change(step, driverId, intendedNanos, Clock.wallMicros() - lagMicros, measured));
    }

    /** The request succeeded: its answer time is one more series. */
    void answered(long orderId, long version, long answeredNanos) {
        listener.answered(orderId, version);
        Change change = changes.get(new Key(orderId, version, false));
        if (change != null && change.measured) {
            record(REQUEST_TO_ANSWER, answeredNanos - change.intendedNanos);
        }
    }

    /** The request failed: no message is due for it. */
    void failed(long orderId, long version, String kind, boolean measured) {
        listener.failed(kind);
        changes.remove(new Key(orderId, version, false));
        changes.remove(new Key(orderId, version, true));
        error(kind, measured);
    }

    /** The request got no answer: the change may have been made, so its messages count if they come and are not owed if not. */
    void unanswered(long orderId, long version, String kind, boolean measured) {
        listener.unanswered(kind);
        for (boolean unassigned : new boolean[] {false, true}) {
            Change change = changes.get(new Key(orderId, version, unassigned));
            if (change != null) {
                change.unanswered = true;
            }
        }
        error(kind, measured);
    }

    /** A workload tick found no order waiting for its next step (the prepared pool ran dry): a change not made. */
    void notMade(String kind, boolean measured) {
        error(kind, measured);
    }

    /** Called just before the PUT that renames {@code driverId}; {@code activeOrders}: id → version of its orders active then. */
    void expectRename(long driverId, String name, Map<Long, Long> activeOrders, long intendedNanos, boolean measured) {
        renames.expect(driverId, name, activeOrders, intendedNanos, measured);
    }

    void renameAnswered(String name) {
        renames.answered(name);
    }

    void renameFailed(String name, String kind, boolean measured) {
        renames.failed(name);
        error(Renames.STEP + " " + kind, measured);
    }

    void renameUnanswered(String name, String kind, boolean measured) {
        renames.unanswered(name);
        error(Renames.STEP + " " + kind, measured);
    }

    void renameSkipped() {
        renames.skipped();
    }

    /** Whether a rename of the driver still waits for its answer or a message. */
    boolean renamePending(long driverId) {
        return renames.pending(driverId);
    }

    private void error(String kind, boolean measured) {
        if (measured) {
            errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
        }
    }

    void arrived(Arrival a) {
        received.increment();
        listener.arrived();
        Change change = changes.get(new Key(a.orderId(), a.version(), a.unassigned()));
        if (change == null) {
            unexpected.increment();
            return;
        }
        if (change.driverId != a.driverId()) {
            misrouted.increment();
            return;
        }
        boolean renamed = !a.unassigned() && renames.gaveName(a.driverId(), a.driverName());
        boolean newName = renamed && renamedNamesSeen.add(new NameSeen(a.orderId(), a.version(), a.driverName()));
        boolean first = change.deliveries.incrementAndGet() == 1;
        if (!first && !newName) {
            duplicated.increment();
            return;
        }
        if (first) {
            delivered.increment();
            if (change.measured) {
                recordChange(change, a);
            }
        }
        if (!a.unassigned()) {
            renames.observe(a, first, FINAL_STEP.equals(change.step));
        }
    }

    private void recordChange(Change change, Arrival a) {
        long toSocket = a.receivedNanos() - change.intendedNanos;
        record(REQUEST_TO_SOCKET, toSocket);
        record(change.step + STEP_REQUEST_TO_SOCKET, toSocket);
        long[] traced = Hops.traced(a);
        for (int i = 0; i < traced.length; i++) {
            if (traced[i] != Hops.ABSENT) {
                record(Hops.TRACED.get(i), traced[i]);
            }
        }
        if (a.commitMicros() <= 0) {
            return;
        }
        long toCommit = (a.commitMicros() - change.intendedWallMicros) * 1_000;
        record(COMMIT_TO_SOCKET, (a.receivedWallMicros() - a.commitMicros()) * 1_000);
        record(HOP_REQUEST_TO_COMMIT, toCommit);
        if (a.redisMillis() > 0) {
            // Redis stamps stream ids in whole ms; the commit is in µs: up to 1 ms apart either way.
            long toRedis = (a.redisMillis() * 1_000 - a.commitMicros()) * 1_000;
            long fromRedis = (a.receivedWallMicros() - a.redisMillis() * 1_000) * 1_000;
            record(HOP_COMMIT_TO_REDIS, toRedis);
            record(change.step + STEP_COMMIT_TO_REDIS, toRedis);
            record(HOP_REDIS_TO_SOCKET, fromRedis);
            splits.add(new Splits.Split(toSocket, toCommit, toRedis, fromRedis, a.commitMicros(), traced));
        }
    }

    /** Messages owed that have not arrived (yet): for changes that succeeded (or are still in flight), and for renames. */
    long missing() {
        return changes.values().stream().filter(c -> c.deliveries.get() == 0 && !c.unanswered).count() + renames.missing();
    }

    /** Change messages owed: all but those of unanswered changes; a reassignment owes two (the renames' are in {@link #renameFigures}). */
    long expected() {
        return changes.values().stream().filter(c -> !c.unanswered).count();
    }

    /** Changes made (answered or still in flight): one per request, however many messages it owes. */
    long changesMade() {
        return changes.entrySet().stream().filter(e -> !e.getKey().unassigned() && !e.getValue().unanswered).count();
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

    long renameLateRefreshes() {
        return renames.lateRefreshes();
    }

    long renameOtherRefreshes() {
        return renames.otherRefreshes();
    }

    Map<String, Object> renameFigures() {
        return renames.figures();
    }

    long errorCount() {
        return errors.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Where the slowest 1% of messages spent their time ({@link Splits#tailSplit}). */
    Map<String, Object> tailSplit() {
        return splits.tailSplit();
    }

    /** When the slow ones happened ({@link Splits#stallWindows}). */
    Map<String, Object> stallWindows(long slowMs) {
        return splits.stallWindows(slowMs);
    }

    /**
     * The measured series, request errors by kind on the two end-to-end ones: the fixed six, then the
     * traced hops that some message carried, then each kind of change apart (by name), so one slow kind
     * cannot hide in the mix.
     */
    List<Series> summarise(Duration measured) {
        Map<String, Long> byKind = new TreeMap<>();
        errors.forEach((kind, n) -> byKind.put(kind, n.sum()));
        Map<String, Series> result = new LinkedHashMap<>();
        for (String name : ORDER) {
            boolean endToEnd = name.equals(REQUEST_TO_SOCKET) || name.equals(REQUEST_TO_ANSWER);
            result.put(name, Series.of(name, histogram(name), endToEnd ? byKind : Map.of(), measured));
        }
        for (String name : Hops.TRACED) {
            if (histograms.containsKey(name)) {
                result.put(name, Series.of(name, histogram(name), Map.of(), measured));
            }
        }
        for (String name : new TreeMap<>(histograms).keySet()) {
            result.putIfAbsent(name, Series.of(name, histogram(name), Map.of(), measured));
        }
        return new ArrayList<>(result.values());
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
