package ge.dms.projection.orderview;

import ge.dms.projection.source.DriverRow;
import ge.dms.projection.source.MalformedRecordException;
import ge.dms.projection.source.RestaurantRow;
import ge.dms.projection.source.RowParser;
import ge.dms.schemas.CdcTopics;
import ge.dms.schemas.cdc.ChangeEvent;
import ge.dms.schemas.cdc.Op;
import ge.dms.schemas.serde.JsonSerde;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * All restaurants and drivers in memory (20,000 and 5,000 at design scale: a few MB), read by a
 * plain consumer from the beginning of their change topics, newest by LSN. The order view's hot
 * path looks names up here instead of waiting for the foreign-key join's round trips through
 * Kafka (which cost several exactly-once commit intervals). Not a source of truth: see
 * {@link ReferenceLookup}.
 */
public final class ReferenceCache implements ReferenceLookup, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReferenceCache.class);
    private static final JsonSerde<ChangeEvent> EVENTS = new JsonSerde<>(ChangeEvent.class);

    private final Map<Long, RestaurantRow> restaurants = new ConcurrentHashMap<>();
    private final Map<Long, DriverRow> drivers = new ConcurrentHashMap<>();
    private volatile ReferenceListener listener = ReferenceListener.NONE;
    private KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;
    private volatile boolean running;

    @Override
    public RestaurantRow restaurant(long id) {
        return restaurants.get(id);
    }

    @Override
    public DriverRow driver(long id) {
        return drivers.get(id);
    }

    /**
     * Who hears of changes to rows already known, from now on: the rows loaded at start are no change, and
     * a replay of an older row is none either. Set it before the views start being written.
     */
    public ReferenceCache notifying(ReferenceListener listener) {
        this.listener = listener;
        return this;
    }

    /** Takes one change of {@code restaurants} or {@code drivers}; anything unusable is skipped (the projection dead-letters it). */
    public void apply(ChangeEvent event) {
        try {
            if (event == null || event.op() == Op.DELETE) {
                return;
            }
            if ("restaurants".equals(event.table())) {
                RestaurantRow offered = RowParser.restaurant(event);
                RestaurantRow held = restaurants.get(event.id());
                if (restaurants.merge(event.id(), offered, RestaurantRow::newer) == offered && running && held != null && !held.sameContent(offered)) {
                    listener.restaurantChanged(offered);
                }
            } else if ("drivers".equals(event.table())) {
                DriverRow offered = RowParser.driver(event);
                DriverRow held = drivers.get(event.id());
                if (drivers.merge(event.id(), offered, DriverRow::newer) == offered && running && held != null && !held.sameContent(offered)) {
                    listener.driverChanged(offered);
                }
            }
        } catch (MalformedRecordException e) {
            LOG.debug("Reference cache skips {} {}: {}", event.table(), event.id(), e.getMessage());
        }
    }

    /**
     * Starts reading both topics from the beginning and returns once what was in them at start
     * is loaded (or {@code initialLoad} passed), so the first views already carry names.
     */
    public ReferenceCache start(String bootstrap, CdcTopics cdc, Duration initialLoad) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // fetch.max.wait.ms stays at Kafka's 500: the broker answers a fetch as soon as a change arrives, so a shorter
        // wait only makes an idle cache ask ~90 times a second instead of twice.
        consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(cdc.restaurants().name(), cdc.drivers().name())) {
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        Instant deadline = Instant.now().plus(initialLoad);
        while (Instant.now().isBefore(deadline) && !caughtUp(end)) {
            consumer.poll(Duration.ofMillis(100)).forEach(this::take);
        }
        LOG.info("Reference cache loaded: {} restaurants, {} drivers", restaurants.size(), drivers.size());
        running = true;
        thread = new Thread(this::run, "reference-cache");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    private boolean caughtUp(Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private void run() {
        try {
            while (running) {
                consumer.poll(Duration.ofMillis(500)).forEach(this::take);
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } finally {
            consumer.close();
        }
    }

    private void take(ConsumerRecord<byte[], byte[]> record) {
        try {
            apply(EVENTS.deserialize(record.topic(), record.value()));
        } catch (RuntimeException e) {
            LOG.debug("Reference cache skips {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.toString());
        }
    }

    @Override
    public void close() {
        running = false;
        if (consumer != null && thread != null) {
            consumer.wakeup();
            try {
                thread.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else if (consumer != null) {
            consumer.close();
        }
    }
}
