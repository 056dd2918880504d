package ge.dms.projection.orderview.redis;

import ge.dms.schemas.Topic;
import ge.dms.schemas.view.OrderView;
import ge.dms.schemas.view.RedisKeys;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Fills Redis again when it has lost its views (restarted without its data, or replaced by an empty one): every
 * {@value #CHECK_SECONDS} s it looks for the marker {@link RedisKeys#viewsFilled()}; when it is missing, it reads each
 * of its {@link Part}s' compacted topics from the beginning to its end (read committed: for the order views, only
 * views the hot path already wrote to Redis before its commit) and applies each record (only if newer; order views
 * with {@link RedisOrderViewWriter#refill}, no stream entry), then sets the marker. Live writes keep flowing meanwhile;
 * the scripts' version checks order the two. A new Redis is filled the same way, from whatever the topics hold.
 * Runs on a thread and a Redis connection of its own.
 */
public final class RedisViewRefill implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RedisViewRefill.class);
    /** How soon an emptied Redis is noticed; the query API serves the read side meanwhile (a missing order falls back). */
    static final long CHECK_SECONDS = 1;
    private static final Duration POLL = Duration.ofMillis(500);
    /**
     * How long the refill goes on reading views committed after its first pass: a hot-path write in flight when Redis
     * was emptied is committed within the Redis timeout (5 s) and a commit interval (1 s) of it; twice that and more.
     */
    public static final Duration TAIL = Duration.ofSeconds(15);
    /** KEYS[1] the in-progress key, KEYS[2] the marker: set the marker only if the first survived the refill. */
    private static final String MARK_FILLED = "if redis.call('DEL', KEYS[1]) == 1 then redis.call('SET', KEYS[2], '1') return 1 end return 0";

    private final String bootstrap;
    private final List<Part<?, ?>> parts;
    private final RedisCommands<String, String> redis;
    private final RedisKeys keys;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "redis-view-refill");
        t.setDaemon(true);
        return t;
    });

    /** Puts one record's view back if it is newer than what Redis holds, adding no stream entry; true when applied. */
    @FunctionalInterface
    public interface Refiller<V> {
        boolean refill(V record);
    }

    /**
     * One compacted topic whose records rebuild keys of Redis, how each is put back, and how long to go on reading
     * what is committed after the first pass (the order views: {@link #TAIL}).
     */
    public record Part<K, V>(Topic<K, V> topic, Refiller<V> refiller, Duration tail) {

        public Part(Topic<K, V> topic, Refiller<V> refiller) {
            this(topic, refiller, Duration.ZERO);
        }
    }

    /** The order views alone, put back by {@code writer} ({@link RedisOrderViewWriter#refill}). */
    public RedisViewRefill(String bootstrap, Topic<Long, OrderView> views, RedisCommands<String, String> redis, RedisKeys keys,
                           Refiller<OrderView> writer) {
        this(bootstrap, List.of(new Part<>(views, writer, TAIL)), redis, keys);
    }

    public RedisViewRefill(String bootstrap, List<Part<?, ?>> parts, RedisCommands<String, String> redis, RedisKeys keys) {
        this.bootstrap = bootstrap;
        this.parts = List.copyOf(parts);
        this.redis = redis;
        this.keys = keys;
    }

    /** Checks now and then every {@value #CHECK_SECONDS} s. */
    public RedisViewRefill start() {
        thread.scheduleWithFixedDelay(this::checkOnce, 0, CHECK_SECONDS, TimeUnit.SECONDS);
        return this;
    }

    private void checkOnce() {
        try {
            refillIfEmptied();
        } catch (RedisException | KafkaException e) {
            // Redis or Kafka away: the next check tries again (the marker is set only after a whole refill).
            LOG.warn("Redis view refill check failed, trying again in {} s: {}", CHECK_SECONDS, e.toString());
        } catch (RuntimeException e) {
            LOG.error("Redis view refill failed, trying again in {} s", CHECK_SECONDS, e);
        }
    }

    /** Refills Redis when the marker is missing; returns the views applied, or -1 when nothing was missing. */
    public long refillIfEmptied() {
        if (redis.exists(keys.viewsFilled()) > 0) {
            return -1;
        }
        List<String> topics = parts.stream().map(p -> p.topic().name()).toList();
        LOG.warn("Redis has no {}: it lost its views (or is new); filling it again from {}", keys.viewsFilled(), topics);
        long start = System.nanoTime();
        redis.set(keys.viewsFilling(), "1");
        long[] counts = {0, 0};
        for (Part<?, ?> part : parts) {
            long[] partCounts = refill(part);
            counts[0] += partCounts[0];
            counts[1] += partCounts[1];
        }
        // Only if Redis kept the in-progress key throughout: emptied again meanwhile, it is filled again next time.
        Long marked = redis.eval(MARK_FILLED, ScriptOutputType.INTEGER, keys.viewsFilling(), keys.viewsFilled());
        if (marked == null || marked != 1L) {
            LOG.warn("Redis lost its data again while it was being filled; filling it again");
            return counts[1];
        }
        LOG.info("Redis filled again from {}: {} records read, {} applied (the rest were there already) in {} ms",
                topics, counts[0], counts[1], (System.nanoTime() - start) / 1_000_000);
        return counts[1];
    }

    /** Reads the part's topic from the beginning to the end it had then, and on for its tail; returns {read, applied}. */
    private <K, V> long[] refill(Part<K, V> part) {
        long read = 0;
        long applied = 0;
        try (KafkaConsumer<K, V> consumer = consumer(part.topic())) {
            List<TopicPartition> partitions = consumer.partitionsFor(part.topic().name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long tailUntil = Long.MAX_VALUE;
            while (System.nanoTime() < tailUntil) {
                if (tailUntil == Long.MAX_VALUE && partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p))) {
                    tailUntil = System.nanoTime() + part.tail().toNanos(); // first pass done: now what is committed since
                }
                try {
                    for (ConsumerRecord<K, V> record : consumer.poll(POLL)) {
                        read++;
                        if (record.value() != null && apply(part, record)) {
                            applied++;
                        }
                    }
                } catch (RecordDeserializationException e) {
                    LOG.warn("Skipping undecodable record {} offset {}: {}", e.topicPartition(), e.offset(), e.getMessage());
                    consumer.seek(e.topicPartition(), e.offset() + 1);
                }
            }
        }
        return new long[] {read, applied};
    }

    /** A record its projection could not use (dead-lettered there) is skipped here too, with the reason; Redis errors go up. */
    private static <K, V> boolean apply(Part<K, V> part, ConsumerRecord<K, V> record) {
        try {
            return part.refiller().refill(record.value());
        } catch (RedisException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warn("Skipping {} offset {} in the refill: {}", new TopicPartition(record.topic(), record.partition()),
                    record.offset(), e.toString());
            return false;
        }
    }

    private <K, V> KafkaConsumer<K, V> consumer(Topic<K, V> topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        // Only views whose transaction committed: the hot path wrote those to Redis before committing.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Bigger polls: a refill reads the whole topic once, off the hot path.
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        return new KafkaConsumer<>(props, topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
