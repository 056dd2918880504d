package ge.dms.bench.faults;

import ge.dms.bench.fanout.ChangeListener;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What happened during one fault's phase, each with its wall-clock time (ms, the host clock the control endpoint
 * stamps the fault with): the command API's answers, the socket messages, the board readers' answers.
 */
final class Timeline implements ChangeListener {

    /** A change the command API acknowledged (2xx): the order and the version it moved to. */
    record Ack(long orderId, long version, long atMs) {
    }

    private record Failure(String kind, long atMs) {
    }

    /** One board read: its status, {@code X-Data-Age-Ms} (-1 when absent), and whether it said it was degraded. */
    record Read(int status, long ageMs, boolean degraded, long atMs) {
    }

    private final Queue<Ack> acks = new ConcurrentLinkedQueue<>();
    private final Queue<Failure> failures = new ConcurrentLinkedQueue<>();
    private final Queue<Long> arrivals = new ConcurrentLinkedQueue<>();
    private final Queue<Read> reads = new ConcurrentLinkedQueue<>();
    private final Queue<Read> views = new ConcurrentLinkedQueue<>();

    @Override
    public void answered(long orderId, long version) {
        acks.add(new Ack(orderId, version, System.currentTimeMillis()));
    }

    @Override
    public void failed(String kind) {
        failures.add(new Failure(kind, System.currentTimeMillis()));
    }

    @Override
    public void unanswered(String kind) {
        failures.add(new Failure("no answer (" + kind + ")", System.currentTimeMillis()));
    }

    @Override
    public void arrived() {
        arrivals.add(System.currentTimeMillis());
    }

    void read(int status, long ageMs, boolean degraded) {
        reads.add(new Read(status, ageMs, degraded, System.currentTimeMillis()));
    }

    /** One read of the newest acknowledged change's view ({@code GET /api/orders/{id}}): the freshness probe. */
    void viewRead(int status, long ageMs, boolean degraded) {
        views.add(new Read(status, ageMs, degraded, System.currentTimeMillis()));
    }

    List<Ack> acks() {
        return List.copyOf(acks);
    }

    /** The order of the newest acknowledged change, or -1 before any. */
    long lastAckedOrder() {
        Ack last = null;
        for (Ack ack : acks) {
            last = ack; // the queue is in arrival order: the last one is the newest
        }
        return last == null ? -1 : last.orderId();
    }

    long acksBetween(long fromMs, long toMs) {
        return acks.stream().filter(a -> a.atMs() >= fromMs && a.atMs() <= toMs).count();
    }

    /** Seconds from {@code fromMs} to the first acknowledged write at or after it, or null if none came. */
    Double writesBackAfter(long fromMs) {
        return secondsAfter(fromMs, acks.stream().map(Ack::atMs).filter(t -> t >= fromMs).min(Long::compare).orElse(null));
    }

    /** Seconds from {@code fromMs} to the first socket message at or after it, or null. */
    Double socketsBackAfter(long fromMs) {
        return secondsAfter(fromMs, arrivals.stream().filter(t -> t >= fromMs).min(Long::compare).orElse(null));
    }

    /**
     * Seconds from {@code fromMs} to the first answer at or after it that was fresh (200, age under {@code freshMs}, not
     * degraded), or null: the view of the newest acknowledged change ({@link BoardReaders}), whose age is under a
     * second only when the views keep up.
     */
    Double viewsFreshAfter(long fromMs, long freshMs) {
        return secondsAfter(fromMs, views.stream().filter(r -> r.atMs() >= fromMs && r.status() == 200 && r.ageMs() >= 0
                && r.ageMs() < freshMs && !r.degraded()).map(Read::atMs).min(Long::compare).orElse(null));
    }

    /** The command API's failed answers from {@code fromMs} on, by kind (a status, or no answer). */
    Map<String, Long> commandFailuresFrom(long fromMs) {
        Map<String, Long> byKind = new TreeMap<>();
        failures.stream().filter(f -> f.atMs() >= fromMs).forEach(f -> byKind.merge(f.kind(), 1L, Long::sum));
        return byKind;
    }

    /** Board answers from {@code fromMs} to {@code toMs}: how many, how many 5xx (or none), how many degraded with their age. */
    Map<String, Long> readsBetween(long fromMs, long toMs) {
        List<Read> window = reads.stream().filter(r -> r.atMs() >= fromMs && r.atMs() <= toMs).toList();
        Map<String, Long> figures = new TreeMap<>();
        figures.put("reads", (long) window.size());
        figures.put("read5xx", window.stream().filter(r -> r.status() >= 500 || r.status() < 0).count());
        figures.put("readDegraded", window.stream().filter(r -> r.status() == 200 && r.degraded()).count());
        figures.put("readDegradedWithAge", window.stream().filter(r -> r.status() == 200 && r.degraded() && r.ageMs() >= 0).count());
        return figures;
    }

    private static Double secondsAfter(long fromMs, Long atMs) {
        return atMs == null ? null : Math.round(atMs - fromMs) / 1000.0;
    }
}
