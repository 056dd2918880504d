package ge.dms.projection.orderview;

import ge.dms.projection.source.InputClock;
import ge.dms.schemas.trace.Correlation;
import ge.dms.schemas.view.OrderView;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.StreamsMetrics;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Hands each finished view to the sink on the stream thread, right after the join: the hot path
 * to Redis does not wait for a Kafka commit. A failure propagates (the task is retried from its
 * last commit; the sink's compare-and-set makes the replay harmless).
 */
final class OrderViewSinkProcessor implements Processor<Long, OrderView, Void, Void> {

    private static final Logger LOG = LoggerFactory.getLogger(OrderViewSinkProcessor.class);
    /** One DEBUG line per view handed to the sinks, request and order id in the MDC; off unless switched on. */
    private static final Logger TRACE = LoggerFactory.getLogger(Correlation.TRACE_LOGGER);

    private final String sinkStore;
    private final Set<String> hotPathTopics;
    private OrderViewSink sink;
    private ProcessorContext<Void, Void> context;
    private Sensor writeLatency;
    private Sensor changeAge;

    /**
     * @param sink          a sink shared by every task, or null when {@code sinkStore} names the task's own
     * @param sinkStore     the {@link SinkStore} holding this task's sink, or null
     * @param hotPathTopics the change topics whose records reach this sink straight, on the same thread (traced)
     */
    OrderViewSinkProcessor(OrderViewSink sink, String sinkStore, Set<String> hotPathTopics) {
        this.sink = sink;
        this.sinkStore = sinkStore;
        this.hotPathTopics = hotPathTopics;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        if (sinkStore != null) {
            sink = context.<SinkStore>getStateStore(sinkStore).sink();
        }
        // Exposed with the Streams metrics (JMX, KafkaStreams#metrics), group stream-order-view-sink-metrics.
        StreamsMetrics metrics = context.metrics();
        writeLatency = metrics.addLatencyRateTotalSensor("order-view-sink", "sinks", "write", Sensor.RecordingLevel.INFO);
        changeAge = metrics.addLatencyRateTotalSensor("order-view-sink", "sinks", "applied-change-age", Sensor.RecordingLevel.INFO);
    }

    /** The hop stamps of a view made straight from a change record; null for one made by the joins' round trip. */
    private HopTrace trace(Record<Long, OrderView> record) {
        boolean straight = context.recordMetadata().map(m -> hotPathTopics.contains(m.topic())).orElse(false);
        return straight ? new HopTrace(record.timestamp(), InputClock.millis(), System.currentTimeMillis()) : null;
    }

    @Override
    public void process(Record<Long, OrderView> record) {
        if (record.value() == null) {
            LOG.info("Order {} was deleted on the write side; sinks keep its last view", record.key());
            return;
        }
        long start = System.nanoTime();
        try {
            HopTrace hops = trace(record);
            sink.write(record.value(), hops);
            writeLatency.record(System.nanoTime() - start);
            if (TRACE.isDebugEnabled()) {
                traced(record.value(), () -> TRACE.debug("order view v{} ({}) to the sinks, {}", record.value().version(),
                        record.value().status(), hops == null ? "from the joins" : "hot path"));
            }
            if (record.value().sourceCommitTime() != null) {
                // Age of the newest source change in the view when it was applied: source commit -> sink, in ns.
                changeAge.record(Duration.between(record.value().sourceCommitTime(), Instant.now()).toNanos());
            }
        } catch (RuntimeException e) {
            var meta = context.recordMetadata();
            traced(record.value(), () -> LOG.error("Sink failed for order {} (input {}-{}@{})", record.key(),
                    meta.map(m -> m.topic()).orElse("?"), meta.map(m -> m.partition()).orElse(-1),
                    meta.map(m -> m.offset()).orElse(-1L), e));
            throw e;
        }
    }

    /** Runs {@code log} with the view's request and order id in the MDC (on the stream thread, removed after). */
    private static void traced(OrderView view, Runnable log) {
        if (view.requestId() != null) {
            MDC.put(Correlation.MDC_REQUEST_ID, view.requestId());
        }
        MDC.put(Correlation.MDC_ORDER_ID, Long.toString(view.orderId()));
        try {
            log.run();
        } finally {
            MDC.remove(Correlation.MDC_REQUEST_ID);
            MDC.remove(Correlation.MDC_ORDER_ID);
        }
    }
}
