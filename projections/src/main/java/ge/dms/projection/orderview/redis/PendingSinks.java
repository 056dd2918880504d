package ge.dms.projection.orderview.redis;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pipelined sinks of each stream thread's tasks, so that the thread's producer can settle them right before it
 * commits its transaction ({@link SettlingClientSupplier}). Kafka Streams 4 calls a store's {@code flush()} at a
 * commit under exactly-once only when it writes a checkpoint (on close, or after many records), not at every commit:
 * {@link SettleBeforeCommitStore#flush()} alone let a transaction commit views whose Redis write had failed.
 */
public final class PendingSinks {

    private final Map<Thread, Set<PipelinedRedisSink>> byThread = new ConcurrentHashMap<>();

    /** Called on the stream thread that owns the task ({@code init}). */
    void register(PipelinedRedisSink sink) {
        byThread.computeIfAbsent(Thread.currentThread(), t -> ConcurrentHashMap.newKeySet()).add(sink);
    }

    void deregister(PipelinedRedisSink sink) {
        byThread.values().forEach(sinks -> sinks.remove(sink));
    }

    /** Settles every sink of the calling thread's tasks; throws when a write cannot be applied, so the commit fails. */
    public void settleCurrentThread() {
        Set<PipelinedRedisSink> sinks = byThread.get(Thread.currentThread());
        if (sinks != null) {
            sinks.forEach(PipelinedRedisSink::settle);
        }
    }
}
