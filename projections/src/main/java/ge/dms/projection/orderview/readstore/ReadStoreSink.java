package ge.dms.projection.orderview.readstore;

import ge.dms.schemas.Topic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Feeds read-side tables from one topic: each poll becomes one batch upsert, offsets are committed after the
 * batch is in PostgreSQL (at-least-once; the writer's version or LSN check makes redelivery harmless). Runs on its
 * own thread, off the hot path. The order views (compacted view topic → {@link ReadStoreOrderViewWriter}) and the
 * order history (status change topic → {@code history.ReadStoreHistoryWriter}) each run one.
 */
public final class ReadStoreSink<K, V> implements AutoCloseable {

    /** Applies one batch in one transaction; returns how many records changed a row. */
    public interface BatchWriter<V> extends AutoCloseable {
        int write(List<V> batch) throws java.sql.SQLException;

        @Override
        void close();
    }

    private static final Logger LOG = LoggerFactory.getLogger(ReadStoreSink.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration RETRY_BACKOFF = Duration.ofSeconds(1);

    private final KafkaConsumer<K, V> consumer;
    private final BatchWriter<V> writer;
    private final Topic<K, V> topic;
    private final Thread thread;
    private volatile boolean running = true;

    public ReadStoreSink(String bootstrap, String groupId, Topic<K, V> topic, BatchWriter<V> writer) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Views are written by exactly-once transactions: never apply one that was aborted.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // Bigger batches amortise the upsert round trip; the read side is not the live path.
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        this.consumer = new KafkaConsumer<>(props, topic.keySerde().deserializer(), topic.valueSerde().deserializer());
        this.writer = writer;
        this.topic = topic;
        this.thread = new Thread(this::run, "read-store-sink-" + topic.name());
    }

    public ReadStoreSink<K, V> start() {
        consumer.subscribe(List.of(topic.name()));
        thread.start();
        return this;
    }

    private void run() {
        try {
            while (running) {
                ConsumerRecords<K, V> records;
                try {
                    records = consumer.poll(POLL);
                } catch (RecordDeserializationException e) {
                    // One undecodable record must not stop the table: log where it is and go past it.
                    LOG.warn("Skipping undecodable record {} offset {}: {}", e.topicPartition(), e.offset(), e.getMessage());
                    consumer.seek(e.topicPartition(), e.offset() + 1);
                    continue;
                }
                if (!records.isEmpty()) {
                    writeWithRetry(records);
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            consumer.close();
            writer.close();
        }
    }

    private void writeWithRetry(ConsumerRecords<K, V> records) throws InterruptedException {
        List<V> batch = new ArrayList<>(records.count());
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (ConsumerRecord<K, V> r : records) {
            batch.add(r.value());
            offsets.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
        }
        for (int attempt = 1; running; attempt++) {
            try {
                int applied = writer.write(batch);
                consumer.commitSync(offsets);
                LOG.debug("Read side: {} of {} records of {} applied", applied, batch.size(), topic.name());
                return;
            } catch (java.sql.SQLException e) {
                LOG.warn("Read-side batch of {} records of {} failed (attempt {}), retrying in {}: {}", batch.size(), topic.name(), attempt,
                        RETRY_BACKOFF, e.toString());
                Thread.sleep(RETRY_BACKOFF);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
