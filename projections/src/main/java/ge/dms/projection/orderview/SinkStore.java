package ge.dms.projection.orderview;

import org.apache.kafka.streams.processor.StateStore;

/**
 * A state store that owns its task's sink: Kafka Streams flushes every store of a task before it
 * commits, so a sink that writes without waiting can settle its writes there.
 */
public interface SinkStore extends StateStore {

    OrderViewSink sink();
}
