package ge.dms.projection.orderview.redis;

import ge.dms.projection.orderview.OrderViewSink;
import ge.dms.projection.orderview.SinkStore;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.StoreBuilder;

import java.util.Map;

/**
 * Holds no data: it exists for its {@link #flush()}, which Kafka Streams calls on every store of a task
 * before it commits the task's offsets (and, under exactly-once, its transaction). That is the moment
 * the task's pipelined Redis writes must all be applied, so flush settles them.
 */
public final class SettleBeforeCommitStore implements SinkStore {

    private final String name;
    private final PipelinedRedisSink sink;
    private boolean open;

    SettleBeforeCommitStore(String name, PipelinedRedisSink sink) {
        this.name = name;
        this.sink = sink;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        open = true;
        context.register(root, (key, value) -> { }); // nothing to restore: no changelog
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

    /** Builds the store for one task's sink; logging and caching do not apply to it. */
    public static StoreBuilder<SettleBeforeCommitStore> builder(String name, java.util.function.Supplier<PipelinedRedisSink> sinks) {
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
                return new SettleBeforeCommitStore(name, sinks.get());
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
