package ge.dms.projection;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

import java.util.Properties;

/**
 * Kafka Streams settings. The latency-relevant ones are set on purpose, each with its reason;
 * {@link #HOT_PATH} is for topologies that feed live screens, {@link #BATCH} for the analytics.
 */
public final class StreamsSettings {

    /**
     * Order views and order events: a change must reach Redis in milliseconds. The Redis write does
     * not wait for a commit (it sits in the topology), but each exactly-once commit blocks the stream
     * thread for tens of ms: at 50 ms the commits themselves made p99 ~280 ms, at 1000 ms ~20-25 ms,
     * at 3000 ms no better (bigger transactions). At least once was worse (p99 40-160 ms): its
     * checkpoints flush every RocksDB store. Measured A/B, see README. Readers of the view topic
     * (read side, analytics) lag by up to this interval.
     */
    public static final Profile HOT_PATH = new Profile(1000, 0, 0, 500);
    /** Analytics: read by dashboards refreshed in seconds; fewer transactions, bursts collapsed per day row. */
    public static final Profile BATCH = new Profile(1000, 10 * 1024 * 1024, 5, 500);

    /**
     * @param commitIntervalMs  under exactly-once each commit ends a transaction: read_committed readers of our
     *                          output topics (read-side sink, analytics) see a record only after it, so this bounds
     *                          their delay; every commit blocks the stream thread for a transaction round trip
     *                          (default 100 under EOS)
     * @param cacheMaxBytes     the record cache holds KTable/join output until a commit or eviction; 0 emits every
     *                          update at once (the Redis sink sits after the joins), a cache collapses bursts
     * @param lingerMs          Streams raises the producer's linger.ms to 100, which added ~60 ms p50 per hop here
     * @param fetchMaxWaitMs    how long the broker holds a fetch that finds nothing new; it answers as soon as a record
     *                          arrives, or (read_committed) as soon as a transaction marker moves the stable offset, so
     *                          this adds no latency: it only sets how often an idle consumer asks again. 10 ms made
     *                          each idle stream thread send ~90 fetches/s (broker and client CPU, and a third of the
     *                          projections' allocation at 100 changes/s), so Kafka's 500 ms default stays
     */
    public record Profile(long commitIntervalMs, long cacheMaxBytes, int lingerMs, int fetchMaxWaitMs) {
    }

    private StreamsSettings() {
    }

    public static Properties properties(ProjectionsConfig config, String applicationId, Profile profile) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap());
        // Views, aggregates and events are written as one transaction with the consumed offsets: no doubles, no gaps.
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, profile.commitIntervalMs());
        p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, profile.cacheMaxBytes());
        // Never hold a record back waiting for another input partition of the task to have data: the order
        // assembler takes an order and its items in any order, so there is nothing to line up by timestamp.
        p.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, -1L);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), profile.lingerMs());
        // Right after a commit the broker may answer CONCURRENT_TRANSACTIONS while it writes the markers; the
        // default 100 ms backoff then stalls the stream thread (p99 111 -> 62 ms at 200 changes/s when lowered).
        p.put(StreamsConfig.producerPrefix(ProducerConfig.RETRY_BACKOFF_MS_CONFIG), 10);
        p.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.RETRY_BACKOFF_MS_CONFIG), 10);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), profile.fetchMaxWaitMs());
        // A crashed instance's partitions move after 10 s instead of the default 45: views stop for that long.
        p.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
        p.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 3_000);
        p.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().resolve(applicationId).toString());
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) config.replicationFactor());
        // Off by default (one instance has no other to hold a copy); with two or more, a standby makes failover instant.
        p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, config.standbyReplicas());
        return p;
    }
}
