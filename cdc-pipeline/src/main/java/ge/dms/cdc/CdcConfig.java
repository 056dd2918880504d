package ge.dms.cdc;

import ge.dms.settings.InvalidSettingsException;
import ge.dms.settings.SettingsReader;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Everything cdc-pipeline can be told, in small groups. Connection settings come from {@code DMS_POSTGRES_URL},
 * {@code DMS_POSTGRES_USER}, {@code DMS_POSTGRES_PASSWORD} and {@code DMS_KAFKA_BOOTSTRAP}; every other key is a
 * {@code cdc.*} key (system property, or environment variable in upper case with dots as underscores, e.g.
 * {@code CDC_POLL_INTERVAL_MS}). Defaults live here only ({@link #defaults}).
 *
 * @param connection where the write side and Kafka are
 * @param source     what is captured and under which name
 * @param engine     how the Debezium engine polls, batches and reports
 * @param producer   how the change records are sent
 * @param topics     the topics cdc-pipeline creates
 * @param slot       how the replication slot is watched
 * @param healthPort {@code cdc.health.port}: HTTP port of /health and /metrics; 0 any free port, -1 off
 */
public record CdcConfig(Connection connection, Source source, Engine engine, Producer producer, TopicLayout topics,
                        SlotWatch slot, int healthPort) {

    private static final String UNSET_URL = "jdbc:postgresql://unset/";
    private static final String UNSET_KAFKA = "unset:0";

    /**
     * @param jdbcUrl        write-side database, {@code jdbc:postgresql://host:port/db}
     * @param user           a role with REPLICATION (or superuser) and SELECT on the captured tables
     * @param password       its password, empty for trust authentication
     * @param kafkaBootstrap Kafka bootstrap servers
     */
    public record Connection(String jdbcUrl, String user, String password, String kafkaBootstrap) {

        public Connection {
            Objects.requireNonNull(jdbcUrl, "jdbcUrl (DMS_POSTGRES_URL)");
            Objects.requireNonNull(kafkaBootstrap, "kafkaBootstrap (DMS_KAFKA_BOOTSTRAP)");
            if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
                throw new IllegalArgumentException("DMS_POSTGRES_URL is not a PostgreSQL JDBC URL: " + jdbcUrl);
            }
            user = user == null ? "" : user;
            password = password == null ? "" : password;
        }

        @Override
        public String toString() {
            return jdbcUrl + " user=" + user + " password=" + (password.isEmpty() ? "" : "***") + " kafka=" + kafkaBootstrap;
        }
    }

    /**
     * @param name            {@code cdc.name}: engine name and Debezium {@code topic.prefix}; offsets are stored under it
     * @param slotName        {@code cdc.slot.name}: the replication slot (created on first start, never dropped)
     * @param publicationName {@code cdc.publication.name}: must exist; the write-side migrations create it
     * @param offsetTopic     {@code cdc.offset.topic}: compacted topic holding the source offsets
     * @param snapshotMode    {@code cdc.snapshot.mode}: Debezium snapshot mode
     */
    public record Source(String name, String slotName, String publicationName, String offsetTopic, String snapshotMode) {
    }

    /**
     * @param pollIntervalMs         {@code cdc.poll.interval.ms}
     * @param maxBatchSize           {@code cdc.max.batch.size}
     * @param maxQueueSize           {@code cdc.max.queue.size}
     * @param offsetFlushIntervalMs  {@code cdc.offset.flush.interval.ms}
     * @param heartbeatIntervalMs    {@code cdc.heartbeat.interval.ms}
     * @param statusUpdateIntervalMs {@code cdc.status.update.interval.ms}
     * @param retriableRestartWaitMs {@code cdc.retriable.restart.wait.ms}
     */
    public record Engine(long pollIntervalMs, int maxBatchSize, int maxQueueSize, long offsetFlushIntervalMs,
                         long heartbeatIntervalMs, long statusUpdateIntervalMs, long retriableRestartWaitMs) {
    }

    /**
     * @param lingerMs          {@code cdc.producer.linger.ms}
     * @param deliveryTimeoutMs {@code cdc.producer.delivery.timeout.ms}
     * @param retryBackoffMaxMs {@code cdc.retry.backoff.max.ms}
     */
    public record Producer(long lingerMs, long deliveryTimeoutMs, long retryBackoffMaxMs) {
    }

    /**
     * @param prefix                  {@code cdc.topic.prefix}: put in front of every topic name (tests isolate with it)
     * @param partitions              {@code cdc.topic.partitions}
     * @param replicationFactor       {@code cdc.topic.replication.factor}, -1 for the broker default
     * @param minCompactionLagMs      {@code cdc.topic.min.compaction.lag.ms}
     * @param transactionsRetentionMs {@code cdc.transactions.retention.ms}
     */
    public record TopicLayout(String prefix, int partitions, short replicationFactor, long minCompactionLagMs,
                              long transactionsRetentionMs) {

        public TopicLayout {
            prefix = prefix == null ? "" : prefix;
        }
    }

    /**
     * @param checkIntervalMs {@code cdc.slot.check.interval.ms}
     * @param maxLagBytes     {@code cdc.slot.max.lag.bytes}
     */
    public record SlotWatch(long checkIntervalMs, long maxLagBytes) {
    }

    public CdcConfig {
        Objects.requireNonNull(connection, "connection");
    }

    /** The defaults, for a database and a Kafka cluster. */
    public static CdcConfig defaults(String jdbcUrl, String user, String password, String kafkaBootstrap) {
        return new CdcConfig(new Connection(jdbcUrl, user, password, kafkaBootstrap),
                new Source("dms-cdc", "dms_cdc", "dms_cdc", "dms.cdc.offsets", "initial"),
                new Engine(
                        // Debezium's 500 ms default parks an idle queue (and the WAL reader) for half a second
                        // per poll: it was most of the hop's latency. 5 ms keeps p99 under budget at ~0.3 idle cores.
                        5,
                        // Debezium's defaults: large enough that a burst is one batch, small enough to ack quickly.
                        2048, 8192,
                        // Replay window after a crash and how long the slot pins WAL; Debezium's 60 s is both too long.
                        1_000,
                        // Off by default in Debezium; without it a quiet slot never advances while other databases write WAL.
                        10_000,
                        // How often the confirmed LSN is reported to PostgreSQL, i.e. how far behind the slot may look.
                        1_000,
                        // Debezium restarts the connector after a retriable error (PostgreSQL restart) after this wait.
                        2_000),
                new Producer(
                        // The hop's budget is milliseconds: no batching delay on the producer.
                        0,
                        // A broker outage longer than this fails the send; the batch is then sent again, never skipped.
                        30_000,
                        5_000),
                new TopicLayout("", 3, (short) -1,
                        // Consumers lagging less than a day see every change; older history keeps the latest row per key.
                        86_400_000L,
                        7L * 86_400_000L),
                new SlotWatch(5_000, 1L << 30), -1);
    }

    /**
     * Reads the connection from {@code environment} and {@code cdc.*} keys from {@code properties}
     * first, then from {@code environment} ({@code CDC_POLL_INTERVAL_MS}).
     *
     * @throws InvalidSettingsException naming every missing or malformed setting
     */
    public static CdcConfig from(Map<String, String> environment, Map<String, String> properties) {
        SettingsReader s = new SettingsReader(
                k -> properties.containsKey(k) ? properties.get(k) : environment.get(environmentName(k)),
                k -> k.startsWith("cdc.") ? environmentName(k) + " (" + k + ")" : k);
        // Placeholders stand in for missing connection settings only until check() below refuses
        // them, so that every other key is still read and reported in the same error.
        String url = Objects.requireNonNullElse(s.jdbcUrl("DMS_POSTGRES_URL", "the write-side database"), UNSET_URL);
        String kafka = Objects.requireNonNullElse(s.hostPorts("DMS_KAFKA_BOOTSTRAP", "the Kafka bootstrap servers"), UNSET_KAFKA);
        CdcConfig d = defaults(url, s.text("DMS_POSTGRES_USER", "postgres"), s.text("DMS_POSTGRES_PASSWORD", ""), kafka);
        long max = Long.MAX_VALUE;
        Source source = new Source(s.text("cdc.name", d.source.name()), s.text("cdc.slot.name", d.source.slotName()),
                s.text("cdc.publication.name", d.source.publicationName()), s.text("cdc.offset.topic", d.source.offsetTopic()),
                s.text("cdc.snapshot.mode", d.source.snapshotMode()));
        Engine engine = new Engine(
                s.number("cdc.poll.interval.ms", d.engine.pollIntervalMs(), 0, max),
                (int) s.number("cdc.max.batch.size", d.engine.maxBatchSize(), 1, Integer.MAX_VALUE),
                (int) s.number("cdc.max.queue.size", d.engine.maxQueueSize(), 1, Integer.MAX_VALUE),
                s.number("cdc.offset.flush.interval.ms", d.engine.offsetFlushIntervalMs(), 0, max),
                s.number("cdc.heartbeat.interval.ms", d.engine.heartbeatIntervalMs(), 0, max),
                s.number("cdc.status.update.interval.ms", d.engine.statusUpdateIntervalMs(), 0, max),
                s.number("cdc.retriable.restart.wait.ms", d.engine.retriableRestartWaitMs(), 0, max));
        Producer producer = new Producer(
                s.number("cdc.producer.linger.ms", d.producer.lingerMs(), 0, max),
                s.number("cdc.producer.delivery.timeout.ms", d.producer.deliveryTimeoutMs(), 1, Integer.MAX_VALUE),
                s.number("cdc.retry.backoff.max.ms", d.producer.retryBackoffMaxMs(), 0, max));
        TopicLayout topics = new TopicLayout(s.text("cdc.topic.prefix", d.topics.prefix()),
                (int) s.number("cdc.topic.partitions", d.topics.partitions(), 1, Integer.MAX_VALUE),
                (short) s.number("cdc.topic.replication.factor", d.topics.replicationFactor(), -1, Short.MAX_VALUE),
                s.number("cdc.topic.min.compaction.lag.ms", d.topics.minCompactionLagMs(), 0, max),
                s.number("cdc.transactions.retention.ms", d.topics.transactionsRetentionMs(), -1, max));
        SlotWatch slot = new SlotWatch(s.number("cdc.slot.check.interval.ms", d.slot.checkIntervalMs(), 1, max),
                s.number("cdc.slot.max.lag.bytes", d.slot.maxLagBytes(), 0, max));
        int healthPort = (int) s.number("cdc.health.port", d.healthPort, -1, 65_535);
        s.check();
        return new CdcConfig(d.connection, source, engine, producer, topics, slot, healthPort);
    }

    private static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    /** A copy with some fields changed, e.g. {@code c -> c.withTopicPrefix("t1.")}. */
    public CdcConfig withTopicPrefix(String prefix) {
        return with(Map.of("cdc.topic.prefix", prefix));
    }

    public CdcConfig withSlotName(String slotName) {
        return with(Map.of("cdc.slot.name", slotName));
    }

    /** A copy with {@code cdc.*} keys overridden. */
    public CdcConfig with(Map<String, String> overrides) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("DMS_POSTGRES_URL", connection.jdbcUrl());
        environment.put("DMS_POSTGRES_USER", connection.user());
        environment.put("DMS_POSTGRES_PASSWORD", connection.password());
        environment.put("DMS_KAFKA_BOOTSTRAP", connection.kafkaBootstrap());
        Map<String, String> properties = new LinkedHashMap<>(asKeys());
        properties.putAll(overrides);
        return from(environment, properties);
    }

    /** The {@code cdc.*} keys with their values, as {@link #from} reads them. */
    public Map<String, String> asKeys() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("cdc.name", source.name());
        keys.put("cdc.topic.prefix", topics.prefix());
        keys.put("cdc.slot.name", source.slotName());
        keys.put("cdc.publication.name", source.publicationName());
        keys.put("cdc.offset.topic", source.offsetTopic());
        keys.put("cdc.snapshot.mode", source.snapshotMode());
        keys.put("cdc.poll.interval.ms", Long.toString(engine.pollIntervalMs()));
        keys.put("cdc.max.batch.size", Integer.toString(engine.maxBatchSize()));
        keys.put("cdc.max.queue.size", Integer.toString(engine.maxQueueSize()));
        keys.put("cdc.offset.flush.interval.ms", Long.toString(engine.offsetFlushIntervalMs()));
        keys.put("cdc.heartbeat.interval.ms", Long.toString(engine.heartbeatIntervalMs()));
        keys.put("cdc.status.update.interval.ms", Long.toString(engine.statusUpdateIntervalMs()));
        keys.put("cdc.producer.linger.ms", Long.toString(producer.lingerMs()));
        keys.put("cdc.producer.delivery.timeout.ms", Long.toString(producer.deliveryTimeoutMs()));
        keys.put("cdc.retry.backoff.max.ms", Long.toString(producer.retryBackoffMaxMs()));
        keys.put("cdc.retriable.restart.wait.ms", Long.toString(engine.retriableRestartWaitMs()));
        keys.put("cdc.topic.partitions", Integer.toString(topics.partitions()));
        keys.put("cdc.topic.replication.factor", Short.toString(topics.replicationFactor()));
        keys.put("cdc.topic.min.compaction.lag.ms", Long.toString(topics.minCompactionLagMs()));
        keys.put("cdc.transactions.retention.ms", Long.toString(topics.transactionsRetentionMs()));
        keys.put("cdc.slot.check.interval.ms", Long.toString(slot.checkIntervalMs()));
        keys.put("cdc.slot.max.lag.bytes", Long.toString(slot.maxLagBytes()));
        keys.put("cdc.health.port", Integer.toString(healthPort));
        return keys;
    }

    /** The offsets topic's full name. */
    public String offsetTopicName() {
        return topics.prefix() + source.offsetTopic();
    }

    @Override
    public String toString() {
        return "CdcConfig[" + connection + " " + asKeys() + "]";
    }
}
