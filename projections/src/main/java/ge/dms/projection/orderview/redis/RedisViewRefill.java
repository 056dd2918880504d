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
 * {@value #CHECK_SECONDS} s it looks for the marker {@link RedisKeys#viewsFilled()}; when it is missing, it reads the
 * compacted order view topic from the beginning to its end (read committed: only views the hot path already wrote
 * to Redis before its commit) and applies each with {@link RedisOrderViewWriter#refill} (only if newer, no stream
 * entry), then sets the marker. Live views keep flowing meanwhile; the script's version check orders the two. A new
 * Redis is filled the same way, from whatever the topic holds. Runs on a thread and a Redis connection of its own.
 */
public final class RedisViewRefill implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RedisViewRefill.class);
    /** How soon an emptied Redis is noticed; the query API serves the read side meanwhile (a missing order falls back). */
    static final long CHECK_SECONDS = 1;
    private static final Duration POLL = Duration.ofMillis(500);
    /** KEYS[1] the in-progress key, KEYS[2] the marker: set the marker only if the first survived the refill. */
    private static final String MARK_FILLED = "if redis.call('DEL', KEYS[1]) == 1 then redis.call('SET', KEYS[2], '1') return 1 end return 0";

    private final String bootstrap;
    private final Topic<Long, OrderView> views;
    private final RedisCommands<String, String> redis;
    private final RedisKeys keys;
    private final Refiller writer;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "redis-view-refill");
        t.setDaemon(true);
        return t;
    });

    /** Puts one view back if it is newer than what Redis holds, adding no stream entry: {@link RedisOrderViewWriter#refill}. */
    @FunctionalInterface
    public interface Refiller {
        boolean refill(OrderView view);
    }

    public RedisViewRefill(String bootstrap, Topic<Long, OrderView> views, RedisCommands<String, String> redis, RedisKeys keys,
                           Refiller writer) {
        this.bootstrap = bootstrap;
        this.views = views;
        this.redis = redis;
        this.keys = keys;
        this.writer = writer;
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
        LOG.warn("Redis has no {}: it lost its views (or is new); filling it again from {}", keys.viewsFilled(), views.name());
        long start = System.nanoTime();
        redis.set(keys.viewsFilling(), "1");
        long[] counts = refill();
        // Only if Redis kept the in-progress key throughout: emptied again meanwhile, it is filled again next time.
        Long marked = redis.eval(MARK_FILLED, ScriptOutputType.INTEGER, keys.viewsFilling(), keys.viewsFilled());
        if (marked == null || marked != 1L) {
            LOG.warn("Redis lost its data again while it was being filled; filling it again");
            return counts[1];
        }
        LOG.info("Redis filled again from {}: {} views read, {} applied (the rest were there already) in {} ms",
                views.name(), counts[0], counts[1], (System.nanoTime() - start) / 1_000_000);
        return counts[1];
    }

    /** Reads the topic from the beginning to the end it has now; returns {read, applied}. */
    private long[] refill() {
        long read = 0;
        long applied = 0;
        try (KafkaConsumer<Long, OrderView> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(views.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                try {
                    for (ConsumerRecord<Long, OrderView> record : consumer.poll(POLL)) {
                        read++;
                        if (record.value() != null && writer.refill(record.value())) {
                            applied++;
                        }
                    }
                } catch (RecordDeserializationException e) {
                    LOG.warn("Skipping undecodable view {} offset {}: {}", e.topicPartition(), e.offset(), e.getMessage());
                    consumer.seek(e.topicPartition(), e.offset() + 1);
                }
            }
        }
        return new long[] {read, applied};
    }

    private KafkaConsumer<Long, OrderView> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        // Only views whose transaction committed: the hot path wrote those to Redis before committing.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Bigger polls: a refill reads the whole topic once, off the hot path.
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        return new KafkaConsumer<>(props, views.keySerde().deserializer(), views.valueSerde().deserializer());
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
