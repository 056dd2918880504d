package ge.dms.cdc.publish;

import ge.dms.cdc.convert.ChangeEventConverter;
import ge.dms.cdc.convert.Converted;
import ge.dms.cdc.errors.CdcErrors;
import ge.dms.cdc.errors.PermanentCdcException;
import ge.dms.schemas.CdcTopics;
import ge.dms.schemas.Topic;
import ge.dms.schemas.cdc.ChangeEvent;
import ge.dms.schemas.cdc.DeadLetter;
import ge.dms.schemas.cdc.OrderPartitioning;
import ge.dms.schemas.trace.Correlation;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Receives Debezium's batches, publishes each change to its table's topic keyed by the row id, an
 * order's items and status-log rows on their order's partition ({@link OrderPartitioning}; transaction
 * boundaries to the transactions topic), waits until Kafka acknowledged all of
 * them, and only then marks the batch processed: offsets never run ahead of Kafka.
 *
 * <p>A retriable send failure (broker down, timeout) sends the batch again from the first
 * unacknowledged record, with backoff, forever: nothing is skipped, and a record written twice
 * carries the same LSN. A permanent failure stops the engine.
 */
public final class ChangePublisher implements DebeziumEngine.ChangeConsumer<RecordChangeEvent<SourceRecord>> {

    private static final Logger LOG = LoggerFactory.getLogger(ChangePublisher.class);
    /** One DEBUG line per acknowledged change, with its request and order id in the MDC (off unless switched on). */
    private static final Logger TRACE = LoggerFactory.getLogger(Correlation.TRACE_LOGGER);
    private static final long FIRST_BACKOFF_MS = 100;

    private final CdcTopics topics;
    private final Producer<byte[], byte[]> producer;
    private final ChangeEventConverter converter;
    private final CdcMetrics metrics;
    private final AckListener listener;
    private final long backoffMaxMs;
    private final Clock clock;

    public ChangePublisher(CdcTopics topics, Producer<byte[], byte[]> producer, ChangeEventConverter converter,
                           CdcMetrics metrics, AckListener listener, long backoffMaxMs, Clock clock) {
        this.topics = topics;
        this.producer = producer;
        this.converter = converter;
        this.metrics = metrics;
        this.listener = listener;
        this.backoffMaxMs = backoffMaxMs;
        this.clock = clock;
    }

    private record Outgoing(ProducerRecord<byte[], byte[]> record, ChangeEvent change) {
    }

    @Override
    public void handleBatch(List<RecordChangeEvent<SourceRecord>> batch,
                            DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer) throws InterruptedException {
        List<Outgoing> outgoing = new ArrayList<>(batch.size());
        for (RecordChangeEvent<SourceRecord> event : batch) {
            Outgoing out = toOutgoing(converter.convert(event.record()));
            if (out != null) {
                outgoing.add(out);
            }
        }
        sendUntilAcknowledged(outgoing);
        Instant ackedAt = clock.instant();
        for (Outgoing out : outgoing) {
            if (out.change() != null) {
                metrics.acked(out.change());
                listener.acked(out.change(), ackedAt);
                if (TRACE.isDebugEnabled()) {
                    trace(out);
                }
            }
        }
        for (RecordChangeEvent<SourceRecord> event : batch) {
            committer.markProcessed(event);
        }
        committer.markBatchFinished();
    }

    private Outgoing toOutgoing(Converted converted) {
        return switch (converted) {
            case Converted.Change change -> changeRecord(change.event());
            case Converted.Transaction tx -> new Outgoing(record(topics.transactions(), tx.event().id(), tx.event()), null);
            case Converted.Dead dead -> deadLetter(dead.letter());
            case Converted.Skip skip -> null;
        };
    }

    private Outgoing changeRecord(ChangeEvent event) {
        Topic<Long, ChangeEvent> topic = topics.forTable(event.table()).orElse(null);
        if (topic == null) {
            return deadLetter(new DeadLetter(DeadLetter.VERSION, event.table(), event.lsn(),
                    "table is not one of the captured tables " + CdcTopics.CAPTURED_TABLES, String.valueOf(event.row()), clock.instant()));
        }
        // An item or status-log row goes where its order goes: the projections assemble them without a re-keying hop.
        long placedBy = OrderPartitioning.partitionId(event);
        Integer partition = placedBy == event.id() ? null : partitionOf(topic, placedBy);
        ProducerRecord<byte[], byte[]> record = record(topic, partition, event.id(), event);
        String requestId = event.requestId();
        if (requestId != null) {
            // The request that made the change, for consumers that route or trace by header without parsing the value.
            record.headers().add(Correlation.KAFKA_HEADER, requestId.getBytes(StandardCharsets.UTF_8));
        }
        return new Outgoing(record, event);
    }

    private static void trace(Outgoing out) {
        ChangeEvent change = out.change();
        String requestId = change.requestId();
        if (requestId != null) {
            MDC.put(Correlation.MDC_REQUEST_ID, requestId);
        }
        boolean ofAnOrder = "orders".equals(change.table()) || OrderPartitioning.BY_ORDER.contains(change.table());
        if (ofAnOrder) {
            MDC.put(Correlation.MDC_ORDER_ID, Long.toString(OrderPartitioning.partitionId(change)));
        }
        try {
            TRACE.debug("change {} of {} {} at LSN {} (transaction {}) acknowledged on {}", change.op(), change.table(),
                    change.id(), change.lsn(), change.transactionId(), out.record().topic());
        } finally {
            MDC.remove(Correlation.MDC_REQUEST_ID);
            MDC.remove(Correlation.MDC_ORDER_ID);
        }
    }

    /** The partition of {@code id}'s key in {@code topic}, or null (the producer's choice) when its partitions are not known. */
    private Integer partitionOf(Topic<Long, ChangeEvent> topic, long id) {
        int partitions = producer.partitionsFor(topic.name()).size();
        return partitions == 0 ? null : OrderPartitioning.partition(topic.keySerde().serializer(), topic.name(), id, partitions);
    }

    private Outgoing deadLetter(DeadLetter letter) {
        LOG.warn("change of table {} at LSN {} goes to {}: {}", letter.table(), letter.lsn(), topics.deadLetter().name(), letter.reason());
        metrics.deadLettered();
        String key = letter.table() == null ? "unknown" : letter.table();
        return new Outgoing(record(topics.deadLetter(), key, letter), null);
    }

    private static <K, V> ProducerRecord<byte[], byte[]> record(Topic<K, V> topic, K key, V value) {
        return record(topic, null, key, value);
    }

    /** @param partition null: the producer's partitioner picks it from the key */
    private static <K, V> ProducerRecord<byte[], byte[]> record(Topic<K, V> topic, Integer partition, K key, V value) {
        return new ProducerRecord<>(topic.name(), partition, topic.keySerde().serializer().serialize(topic.name(), key),
                topic.valueSerde().serializer().serialize(topic.name(), value));
    }

    private void sendUntilAcknowledged(List<Outgoing> outgoing) throws InterruptedException {
        int from = 0;
        for (int attempt = 1; from < outgoing.size(); attempt++) {
            List<Future<RecordMetadata>> sends = new ArrayList<>(outgoing.size() - from);
            for (int i = from; i < outgoing.size(); i++) {
                sends.add(send(outgoing.get(i).record()));
            }
            int failedAt = -1;
            Throwable failure = null;
            for (int i = 0; i < sends.size(); i++) {
                try {
                    sends.get(i).get();
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause();
                        failedAt = from + i;
                    }
                }
            }
            if (failure == null) {
                return;
            }
            ProducerRecord<byte[], byte[]> failed = outgoing.get(failedAt).record();
            if (!CdcErrors.isRetriable(failure)) {
                throw new PermanentCdcException("Kafka refused a record for topic " + failed.topic() + " ("
                        + failure.getClass().getSimpleName() + ": " + failure.getMessage()
                        + "); fix the broker or topic settings and restart: the offsets were not advanced", failure);
            }
            long backoff = Math.min(backoffMaxMs, FIRST_BACKOFF_MS << Math.min(attempt - 1, 20));
            LOG.warn("Kafka did not acknowledge {} of {} records (first on topic {}: {}); attempt {} failed, sending again in {} ms",
                    outgoing.size() - failedAt, outgoing.size(), failed.topic(), failure.toString(), attempt, backoff);
            metrics.retried();
            sleep(backoff);
            from = failedAt;
        }
    }

    private Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record) {
        try {
            return producer.send(record);
        } catch (KafkaException e) {
            // send() itself throws when metadata is unavailable for max.block.ms: same handling as an async failure.
            return CompletableFuture.failedFuture(e);
        }
    }

    private static void sleep(long millis) throws InterruptedException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw e;
        }
    }
}
