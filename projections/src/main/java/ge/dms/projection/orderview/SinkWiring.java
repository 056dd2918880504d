package ge.dms.projection.orderview;

import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Where the order view projection hands its views besides the topic: one sink shared by every task
 * (written synchronously, as tests and simple sinks do), or one sink per task owned by a
 * {@link SinkStore}, whose flush before each commit settles what the sink sent without waiting.
 */
public record SinkWiring(OrderViewSink shared, StoreBuilder<? extends SinkStore> perTask) {

    public static SinkWiring shared(OrderViewSink sink) {
        return new SinkWiring(sink, null);
    }

    public static SinkWiring perTask(StoreBuilder<? extends SinkStore> store) {
        return new SinkWiring(null, store);
    }
}
