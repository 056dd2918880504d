package ge.dms.bench.fanout;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ObjLongConsumer;

/**
 * The ledger's side of driver renames. A rename is registered before its PUT is sent, with the
 * orders of that driver that were active then: each is owed one message carrying the new name,
 * at the version it had (the series {@code rename request->socket}, {@code rename commit->redis})
 * or, when the order moved on meanwhile, on any later version. An order whose delivery reaches the
 * socket without the new name was delivered before the rename applied: it is owed nothing more.
 * Messages with a rename's name beyond those owed are refreshes, counted apart: the driver's
 * finished orders ({@code renameLateRefreshes}, they come from a slower path, seconds later) and
 * active ones that got the name a second way (a newer version rewritten with it).
 */
final class Renames {

    static final String STEP = "rename";

    private enum State { OPEN, DELIVERED, VOIDED }

    /** One order owed the new name: the version it had when the PUT was sent. */
    private static final class Owed {
        final long version;
        final AtomicReference<State> state = new AtomicReference<>(State.OPEN);

        Owed(long version) {
            this.version = version;
        }
    }

    private static final class Rename {
        final long driverId;
        final long intendedNanos;
        final boolean measured;
        final Map<Long, Owed> owed = new ConcurrentHashMap<>();
        volatile boolean answered;
        /** No answer (timeout): it may or may not have committed, so nothing is owed; its name still is no duplicate. */
        volatile boolean unanswered;

        Rename(long driverId, long intendedNanos, boolean measured) {
            this.driverId = driverId;
            this.intendedNanos = intendedNanos;
            this.measured = measured;
        }

        boolean owes() {
            return !unanswered;
        }
    }

    private final Map<String, Rename> byName = new ConcurrentHashMap<>();
    private final Map<Long, List<Rename>> byDriver = new ConcurrentHashMap<>();
    private final ObjLongConsumer<String> record;
    private final LongAdder made = new LongAdder();
    private final LongAdder skipped = new LongAdder();
    private final LongAdder sameVersion = new LongAdder();
    private final LongAdder laterVersion = new LongAdder();
    private final LongAdder deliveredFirst = new LongAdder();
    private final LongAdder lateRefreshes = new LongAdder();
    private final LongAdder otherRefreshes = new LongAdder();

    /** @param record where a latency goes: series name, ns */
    Renames(ObjLongConsumer<String> record) {
        this.record = record;
    }

    /** Called just before the PUT that gives {@code driverId} the name {@code name}; {@code orders}: its active orders, id → version. */
    void expect(long driverId, String name, Map<Long, Long> orders, long intendedNanos, boolean measured) {
        Rename rename = new Rename(driverId, intendedNanos, measured);
        orders.forEach((order, version) -> rename.owed.put(order, new Owed(version)));
        byName.put(name, rename);
        byDriver.computeIfAbsent(driverId, d -> new CopyOnWriteArrayList<>()).add(rename);
    }

    void answered(String name) {
        Rename rename = byName.get(name);
        if (rename != null) {
            rename.answered = true;
            made.increment();
        }
    }

    /** The PUT was refused: the name was never given. */
    void failed(String name) {
        Rename rename = byName.remove(name);
        if (rename != null) {
            byDriver.getOrDefault(rename.driverId, List.of()).remove(rename);
        }
    }

    void unanswered(String name) {
        Rename rename = byName.get(name);
        if (rename != null) {
            rename.unanswered = true;
        }
    }

    /** A tick of the rename loop found no driver to rename (none with active orders and no rename still owed). */
    void skipped() {
        skipped.increment();
    }

    /** True while a rename of the driver is unanswered or still owed a message: the next one waits, names never overlap. */
    boolean pending(long driverId) {
        for (Rename rename : byDriver.getOrDefault(driverId, List.of())) {
            if (rename.owes() && (!rename.answered || rename.owed.values().stream().anyMatch(o -> o.state.get() == State.OPEN))) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code name} is one a rename of this driver gave (or is giving) it. */
    boolean gaveName(long driverId, String name) {
        Rename rename = name == null ? null : byName.get(name);
        return rename != null && rename.driverId == driverId;
    }

    /**
     * An upsert message for one of the driver's orders; {@code first}: the first one of its (order,
     * version), {@code finished}: that version is the delivery. Settles what the message settles and
     * counts a refresh; the caller has already ruled out a duplicate.
     */
    void observe(Arrival a, boolean first, boolean finished) {
        Rename named = a.driverName() == null ? null : byName.get(a.driverName());
        if (named != null && named.driverId != a.driverId()) {
            named = null;
        }
        if (first && finished) {
            voidOthers(a.driverId(), a.orderId(), named);
        }
        if (named == null) {
            return;
        }
        Owed owed = named.owed.get(a.orderId());
        if (owed != null && a.version() >= owed.version && owed.state.compareAndSet(State.OPEN, State.DELIVERED)) {
            if (a.version() == owed.version) {
                sameVersion.increment();
                if (named.measured) {
                    record.accept(STEP + Ledger.STEP_REQUEST_TO_SOCKET, a.receivedNanos() - named.intendedNanos);
                    if (a.commitMicros() > 0 && a.redisMillis() > 0) {
                        record.accept(STEP + Ledger.STEP_COMMIT_TO_REDIS, (a.redisMillis() * 1_000 - a.commitMicros()) * 1_000);
                    }
                }
            } else {
                laterVersion.increment();
            }
            return;
        }
        if (!first) {
            (finished ? lateRefreshes : otherRefreshes).increment();
        }
    }

    /** The delivery of {@code orderId} came without the name of these renames: it was delivered before they applied. */
    private void voidOthers(long driverId, long orderId, Rename carried) {
        for (Rename rename : byDriver.getOrDefault(driverId, List.of())) {
            Owed owed = rename == carried ? null : rename.owed.get(orderId);
            if (owed != null && owed.state.compareAndSet(State.OPEN, State.VOIDED)) {
                deliveredFirst.increment();
            }
        }
    }

    /** Messages owed and not (yet) arrived, for renames that were sent and not left unanswered. */
    long missing() {
        return count(State.OPEN);
    }

    private long count(State state) {
        return byName.values().stream().filter(Rename::owes)
                .mapToLong(r -> r.owed.values().stream().filter(o -> o.state.get() == state).count()).sum();
    }

    long lateRefreshes() {
        return lateRefreshes.sum();
    }

    long otherRefreshes() {
        return otherRefreshes.sum();
    }

    Map<String, Object> figures() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("renamesMade", made.sum());
        figures.put("renamesSkipped", skipped.sum());
        figures.put("renameMessagesOwed", count(State.OPEN) + count(State.DELIVERED));
        figures.put("renameMessagesDelivered", sameVersion.sum() + laterVersion.sum());
        figures.put("renameMessagesOnNewerVersion", laterVersion.sum());
        figures.put("renameMessagesMissing", missing());
        figures.put("renameOrdersDeliveredFirst", deliveredFirst.sum());
        figures.put("renameLateRefreshes", lateRefreshes.sum());
        figures.put("renameOtherRefreshes", otherRefreshes.sum());
        return figures;
    }
}
