package ge.dms.projection.orderview.redis;

import ge.dms.projection.orderview.OrderViewSink;
import ge.dms.projection.orderview.SinkStore;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.StoreBuilder;

import java.util.Map;

/**
 * Holds no data: it owns its task's pipelined sink, registers it with {@link PendingSinks} so that the stream
 * thread's producer settles it before each transaction commit ({@link SettlingClientSupplier}), and settles it in
 * {@link #flush()} too, which Kafka Streams calls before a checkpoint (and, without exactly-once, at every commit).
 */
public final class SettleBeforeCommitStore implements SinkStore {

    private final String name;
    private final PipelinedRedisSink sink;
    private final PendingSinks pending;
    private boolean open;

    SettleBeforeCommitStore(String name, PipelinedRedisSink sink, PendingSinks pending) {
        this.name = name;
        this.sink = sink;
        this.pending = pending;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        open = true;
        context.register(root, (key, value) -> { }); // nothing to restore: no changelog
        pending.register(sink); // on the task's stream thread: its producer settles the sink before each commit
    }

    @Override
    public OrderViewSink sink() {
        return sink;
    }

    @Override
    public void flush() {
        sink.settle();
    }

    @Override
    public void close() {
        // Views sent and not yet settled belong to an uncommitted batch: the next owner of the task replays it.
        pending.deregister(sink);
        open = false;
    }

    @Override
    public boolean persistent() {
        return false;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    /**
     * Builds the store for one task's sink (logging and caching do not apply to it), registered in {@code pending}, which
     * the stream thread's producer settles before it commits: run the topology with a {@link SettlingClientSupplier} on it.
     */
    public static StoreBuilder<SettleBeforeCommitStore> builder(String name, java.util.function.Supplier<PipelinedRedisSink> sinks,
                                                                PendingSinks pending) {
        return new StoreBuilder<>() {
            @Override
            public StoreBuilder<SettleBeforeCommitStore> withCachingEnabled() {
                return this;
            }

            @Override
            public StoreBuilder<SettleBeforeCommitStore> withCachingDisabled() {
                return this;
            }

            @Override
            public StoreBuilder<SettleBeforeCommitStore> withLoggingEnabled(Map<String, String> config) {
                return this; // nothing to log: the store holds no data
            }

            @Override
            public StoreBuilder<SettleBeforeCommitStore> withLoggingDisabled() {
                return this;
            }

            @Override
            public SettleBeforeCommitStore build() {
                return new SettleBeforeCommitStore(name, sinks.get(), pending);
            }

            @Override
            public Map<String, String> logConfig() {
                return Map.of();
            }

            @Override
            public boolean loggingEnabled() {
                return false;
            }

            @Override
            public String name() {
                return name;
            }
        };
    }
}
