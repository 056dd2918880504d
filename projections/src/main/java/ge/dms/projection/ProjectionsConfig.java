package ge.dms.projection;

import ge.dms.projection.orderview.OrderViewProjection;
import ge.dms.settings.InvalidSettingsException;
import ge.dms.settings.SettingsReader;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the projections need to run. {@link #fromEnvironment} reads the {@code DMS_*}
 * variables every service uses; the rest has defaults here, once.
 *
 * @param kafkaBootstrap      {@code DMS_KAFKA_BOOTSTRAP}
 * @param redisUrl            {@code DMS_REDIS_URL}, e.g. {@code redis://localhost:6379}
 * @param readJdbcUrl         {@code DMS_READ_POSTGRES_URL}, the read-side database
 * @param readUser            {@code DMS_READ_POSTGRES_USER}
 * @param readPassword        {@code DMS_READ_POSTGRES_PASSWORD}
 * @param topicPrefix         {@code DMS_TOPIC_PREFIX}: in front of every topic name (empty in production)
 * @param applicationId       {@code DMS_PROJECTIONS_APPLICATION_ID}: prefix of the Streams application ids and consumer groups
 * @param redisKeyPrefix      {@code DMS_REDIS_KEY_PREFIX}: in front of every Redis key (the query API reads the same variable)
 * @param stateDir            {@code DMS_PROJECTIONS_STATE_DIR}: Kafka Streams state stores (RocksDB)
 * @param driverStreamMaxLen  approximate length bound of each driver's Redis change stream
 * @param createTopics        create missing input and output topics (dev and tests; production provisions them)
 * @param partitions          {@code DMS_PROJECTIONS_TOPIC_PARTITIONS}: partitions of topics created here;
 *                            {@link #MATCH_CDC_PARTITIONS} (the default) takes the CDC orders topic's count, so the
 *                            views and events scale out as far as the change topics do
 * @param replicationFactor   replication of topics created here and of Streams' internal topics
 * @param itemsRepartitioned  {@code DMS_PROJECTIONS_ITEMS_REPARTITIONED}: re-key the items through a repartition topic,
 *                            for change topics written before cdc-pipeline put items on their order's partition
 *                            ({@link OrderViewProjection.ItemRouting#REPARTITIONED}; costs new orders up to a commit interval)
 * @param redisSyncWrites     {@code DMS_PROJECTIONS_REDIS_SYNC_WRITES}: wait for Redis's answer to each view before the next
 *                            (for comparison; by default views are pipelined and settled before each commit)
 * @param orderViewThreads    {@code DMS_PROJECTIONS_ORDER_VIEW_THREADS}: stream threads of the order view application
 * @param standbyReplicas     {@code DMS_PROJECTIONS_STANDBY_REPLICAS}: warm copies of each state store on other instances,
 *                            so a failed-over task resumes at once instead of restoring its store from the changelog
 * @param warmUpOrders        {@code DMS_PROJECTIONS_WARMUP_ORDERS}: synthetic orders run through the order view topology
 *                            in-process before the stream threads start ({@code OrderViewWarmUp}), so the first real
 *                            changes after a start meet compiled code; 0 skips it
 */
public record ProjectionsConfig(String kafkaBootstrap,
                                String redisUrl,
                                String readJdbcUrl,
                                String readUser,
                                String readPassword,
                                String topicPrefix,
                                String applicationId,
                                String redisKeyPrefix,
                                Path stateDir,
                                long driverStreamMaxLen,
                                boolean createTopics,
                                int partitions,
                                short replicationFactor,
                                boolean itemsRepartitioned,
                                boolean redisSyncWrites,
                                int orderViewThreads,
                                int standbyReplicas,
                                int warmUpOrders) {

    public static final String DEFAULT_APPLICATION_ID = "dms-projections";
    public static final String DEFAULT_REDIS_KEY_PREFIX = "dms:";
    public static final long DEFAULT_DRIVER_STREAM_MAX_LEN = 1000;
    /** {@link #partitions} when not set: as many as the CDC orders topic has. */
    public static final int MATCH_CDC_PARTITIONS = 0;
    /**
     * {@link #warmUpOrders} by default: 2,000 orders (22,000 records through the topology). Run back to back in one JVM
     * on the two-core machine, batches of 1,000 took 6.9, 3.3, 2.1, 2.1, 2.0 s: the path is compiled after about two.
     */
    public static final int DEFAULT_WARM_UP_ORDERS = 2000;

    public ProjectionsConfig {
        Objects.requireNonNull(kafkaBootstrap, "kafkaBootstrap");
        Objects.requireNonNull(redisUrl, "redisUrl");
        Objects.requireNonNull(readJdbcUrl, "readJdbcUrl");
        topicPrefix = topicPrefix == null ? "" : topicPrefix;
        applicationId = applicationId == null ? DEFAULT_APPLICATION_ID : applicationId;
        redisKeyPrefix = redisKeyPrefix == null ? DEFAULT_REDIS_KEY_PREFIX : redisKeyPrefix;
        stateDir = stateDir == null ? Path.of(System.getProperty("java.io.tmpdir"), "dms-projections-state") : stateDir;
    }

    /** Defaults for everything but the endpoints. */
    public static ProjectionsConfig of(String kafkaBootstrap, String redisUrl, String readJdbcUrl, String readUser,
                                       String readPassword) {
        return new ProjectionsConfig(kafkaBootstrap, redisUrl, readJdbcUrl, readUser, readPassword, "", null, null,
                null, DEFAULT_DRIVER_STREAM_MAX_LEN, false, MATCH_CDC_PARTITIONS, (short) 1, false, false, 1, 0, 0);
    }

    /**
     * From the {@code DMS_*} environment variables.
     *
     * @throws InvalidSettingsException naming every missing or malformed variable
     */
    public static ProjectionsConfig fromEnvironment(Map<String, String> env) {
        SettingsReader settings = SettingsReader.of(env);
        ProjectionsConfig config = read(settings);
        settings.check();
        return config;
    }

    /** Reads every setting, leaving the failure to {@link SettingsReader#check()} so that it names all of them. */
    static ProjectionsConfig read(SettingsReader s) {
        // Placeholders stand in for missing endpoints only until check() refuses them.
        String kafka = Objects.requireNonNullElse(s.hostPorts("DMS_KAFKA_BOOTSTRAP", "the Kafka bootstrap servers"), "unset:0");
        String redis = Objects.requireNonNullElse(s.redisUrl("DMS_REDIS_URL", "where the views are written"), "redis://unset");
        String read = Objects.requireNonNullElse(s.jdbcUrl("DMS_READ_POSTGRES_URL", "the read-side database"),
                "jdbc:postgresql://unset/");
        String state = s.text("DMS_PROJECTIONS_STATE_DIR", null);
        return new ProjectionsConfig(kafka, redis, read, s.text("DMS_READ_POSTGRES_USER", null),
                s.text("DMS_READ_POSTGRES_PASSWORD", null), s.text("DMS_TOPIC_PREFIX", null),
                s.text("DMS_PROJECTIONS_APPLICATION_ID", null), s.text("DMS_REDIS_KEY_PREFIX", null),
                state == null ? null : Path.of(state), DEFAULT_DRIVER_STREAM_MAX_LEN,
                s.bool("DMS_PROJECTIONS_CREATE_TOPICS", false),
                (int) s.number("DMS_PROJECTIONS_TOPIC_PARTITIONS", MATCH_CDC_PARTITIONS, 1, Integer.MAX_VALUE),
                (short) s.number("DMS_PROJECTIONS_REPLICATION_FACTOR", 1, -1, Short.MAX_VALUE),
                s.bool("DMS_PROJECTIONS_ITEMS_REPARTITIONED", false),
                s.bool("DMS_PROJECTIONS_REDIS_SYNC_WRITES", false),
                (int) s.number("DMS_PROJECTIONS_ORDER_VIEW_THREADS", 1, 1, 64),
                (int) s.number("DMS_PROJECTIONS_STANDBY_REPLICAS", 0, 0, 16),
                (int) s.number("DMS_PROJECTIONS_WARMUP_ORDERS", DEFAULT_WARM_UP_ORDERS, 0, 1_000_000));
    }

    public ProjectionsConfig withNamespace(String topicPrefix, String applicationId, String redisKeyPrefix, Path stateDir) {
        return new ProjectionsConfig(kafkaBootstrap, redisUrl, readJdbcUrl, readUser, readPassword, topicPrefix,
                applicationId, redisKeyPrefix, stateDir, driverStreamMaxLen, true, partitions, replicationFactor, itemsRepartitioned, redisSyncWrites,
                orderViewThreads, standbyReplicas, warmUpOrders);
    }

    /** The same with {@code partitions} for the topics created here (tests that pin one). */
    public ProjectionsConfig withPartitions(int partitions) {
        return new ProjectionsConfig(kafkaBootstrap, redisUrl, readJdbcUrl, readUser, readPassword, topicPrefix,
                applicationId, redisKeyPrefix, stateDir, driverStreamMaxLen, createTopics, partitions, replicationFactor,
                itemsRepartitioned, redisSyncWrites, orderViewThreads, standbyReplicas, warmUpOrders);
    }

    /** How the order view projection reads the items. */
    public OrderViewProjection.ItemRouting itemRouting() {
        return itemsRepartitioned ? OrderViewProjection.ItemRouting.REPARTITIONED : OrderViewProjection.ItemRouting.ON_ORDER_PARTITION;
    }
}
