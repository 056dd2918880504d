package ge.dms.bench.fanout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The hop split of every measured message that carried its commit and Redis times, kept whole (not
 * only in histograms) to say where the slowest ones lost their time ({@link #tailSplit}) and when
 * the slow ones happened ({@link #stallWindows}). All times in ns; {@code commitMicros} is the wall clock.
 */
final class Splits {

    /** One message: request → socket, hop 1, hops 2-5, hop 6, its commit time, and the traced hops ({@link Hops#traced}). */
    record Split(long requestToSocket, long requestToCommit, long commitToRedis, long redisToSocket, long commitMicros,
                 long[] traced) {
    }

    private final Queue<Split> all = new ConcurrentLinkedQueue<>();

    void add(Split split) {
        all.add(split);
    }

    /**
     * Where the slowest 1% of messages (request → socket at or above its 99th percentile) spent their
     * time: the mean of each hop over just those, in ms. Says which hop makes the p99. A traced hop is
     * averaged over the tail messages that carried it, and left out when none did.
     */
    Map<String, Object> tailSplit() {
        List<Split> sorted = new ArrayList<>(all);
        if (sorted.isEmpty()) {
            return Map.of();
        }
        sorted.sort(Comparator.comparingLong(Split::requestToSocket));
        List<Split> tail = sorted.subList(Math.min((int) Math.floor(sorted.size() * 0.99), sorted.size() - 1), sorted.size());
        Map<String, Object> split = new LinkedHashMap<>();
        split.put("changes", tail.size());
        split.put(Ledger.REQUEST_TO_SOCKET, meanMs(tail.stream().mapToLong(Split::requestToSocket).average().orElse(0)));
        split.put(Ledger.HOP_REQUEST_TO_COMMIT, meanMs(tail.stream().mapToLong(Split::requestToCommit).average().orElse(0)));
        split.put(Ledger.HOP_COMMIT_TO_REDIS, meanMs(tail.stream().mapToLong(Split::commitToRedis).average().orElse(0)));
        split.put(Ledger.HOP_REDIS_TO_SOCKET, meanMs(tail.stream().mapToLong(Split::redisToSocket).average().orElse(0)));
        for (int i = 0; i < Hops.TRACED.size(); i++) {
            int hop = i;
            var present = tail.stream().mapToLong(s -> s.traced()[hop]).filter(n -> n != Hops.ABSENT).average();
            if (present.isPresent()) {
                split.put(Hops.TRACED.get(i), meanMs(present.getAsDouble()));
            }
        }
        return split;
    }

    private static double meanMs(double nanos) {
        return Math.round(nanos / 1e5) / 10.0;
    }

    /**
     * When the slow messages happened: grouped by the second (since the first commit) their commit fell
     * in, and consecutive seconds in which some message needed more than {@code slowMs} from commit to
     * Redis merged into windows. A stall of the pipeline shows as one window in which most are slow; a
     * busy machine as slow ones spread thinly over many.
     */
    Map<String, Object> stallWindows(long slowMs) {
        List<Split> copy = new ArrayList<>(all);
        Map<String, Object> result = new LinkedHashMap<>();
        if (copy.isEmpty()) {
            return result;
        }
        long first = copy.stream().mapToLong(Split::commitMicros).min().orElseThrow();
        TreeMap<Long, long[]> bySecond = new TreeMap<>(); // second -> {messages, slow, worst ns}
        for (Split split : copy) {
            long[] second = bySecond.computeIfAbsent((split.commitMicros() - first) / 1_000_000, k -> new long[3]);
            second[0]++;
            if (split.commitToRedis() > slowMs * 1_000_000) {
                second[1]++;
            }
            second[2] = Math.max(second[2], split.commitToRedis());
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

    /** Consecutive seconds with slow messages, as {@link #stallWindows} merges them. */
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
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("fromSecond", fromSecond);
            figures.put("seconds", seconds);
            figures.put("changes", changes);
            figures.put("slowChanges", slowChanges);
            figures.put("worstMs", Math.round(worstNanos / 1e5) / 10.0);
            return figures;
        }
    }
}
