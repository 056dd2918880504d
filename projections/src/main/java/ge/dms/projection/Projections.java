package ge.dms.projection;

import ge.dms.projection.analytics.AnalyticsProjection;
import ge.dms.projection.catalogue.CatalogueProjection;
import ge.dms.projection.catalogue.CatalogueSinks;
import ge.dms.projection.catalogue.readstore.ReadStoreCatalogueWriter;
import ge.dms.projection.catalogue.redis.RedisCatalogueWriter;
import ge.dms.projection.analytics.AnalyticsSink;
import ge.dms.projection.analytics.RedisAnalyticsWriter;
import ge.dms.projection.analytics.ReadStoreAnalyticsWriter;
import ge.dms.projection.events.OrderEventsProjection;
import ge.dms.projection.history.ReadStoreHistoryWriter;
import ge.dms.projection.orderview.HopMetrics;
import ge.dms.projection.orderview.OrderViewProjection;
import ge.dms.projection.orderview.OrderViewWarmUp;
import ge.dms.projection.orderview.ReferenceCache;
import ge.dms.projection.orderview.readstore.ReadStoreOrderViewWriter;
import ge.dms.projection.orderview.readstore.ReadStoreSink;
import ge.dms.schemas.view.RedisKeys;
import ge.dms.projection.orderview.redis.RedisOrderViewWriter;
import ge.dms.projection.orderview.redis.RedisReferenceFanout;
import ge.dms.projection.orderview.SinkWiring;
import ge.dms.projection.orderview.redis.PipelinedRedisSink;
import ge.dms.projection.orderview.redis.SettleBeforeCommitStore;
import ge.dms.projection.orderview.redis.RedisViewRefill;
import ge.dms.projection.orderview.redis.PendingSinks;
import ge.dms.projection.orderview.redis.SettlingClientSupplier;
import ge.dms.projection.source.SessionRevocationRow;
import ge.dms.projection.source.RowParser;
import ge.dms.projection.readstore.ReadStore;
import ge.dms.projection.session.RedisSessionRevocationWriter;
import ge.dms.projection.session.SessionRevocationProjection;
import ge.dms.schemas.ProjectionTopics;
import io.lettuce.core.RedisClient;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.lettuce.core.RedisURI;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.lettuce.core.api.StatefulRedisConnection;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * Starts every projection: read-side migrations, missing topics (if configured), the order view,
 * analytics and order events topologies, the Redis sink (inside the order view topology) and the
 * read-side sink. The launcher calls {@link #start}; {@link ProjectionsMain} is the standalone entry.
 */
public final class Projections implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Projections.class);
    /** Application ids (and the read-side consumer group) derived from the configured prefix; the rebuild resets these. */
    public static final java.util.function.UnaryOperator<String> ORDER_VIEWS = app -> app + "-order-views";
    public static final java.util.function.UnaryOperator<String> ANALYTICS = app -> app + "-analytics";
    public static final java.util.function.UnaryOperator<String> READ_STORE = app -> app + "-read-store";
    /** Consumer group of the order history sink (status change topic → {@code order_history}). */
    public static final java.util.function.UnaryOperator<String> ORDER_HISTORY = app -> app + "-order-history";
    /** The revoked-sessions application (not reset by a rebuild: its Redis keys are not views it drops). */
    public static final java.util.function.UnaryOperator<String> SESSIONS = app -> app + "-session-revocations";
    /** The catalogue and party views: off the order view's hot path, an application (and stream thread) of its own. */
    public static final java.util.function.UnaryOperator<String> CATALOGUE = app -> app + "-catalogue";
    private static final String ORDER_EVENTS_SUFFIX = "-order-events";

    /** How long start waits for the restaurant and driver names to load before views are built. */
    private static final Duration REFERENCE_LOAD = Duration.ofSeconds(30);
    /** A stuck Redis fails a write (and its retries) within seconds instead of Lettuce's default minute. */
    private static final Duration REDIS_TIMEOUT = Duration.ofSeconds(5);

    private final List<AutoCloseable> resources = new ArrayList<>();
    private final List<KafkaStreams> streams = new ArrayList<>();
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    private Projections() {
    }

    public static Projections start(ProjectionsConfig config) {
        Projections running = new Projections();
        try {
            running.startAll(config);
            return running;
        } catch (RuntimeException e) {
            running.close();
            throw e;
        }
    }

    private void startAll(ProjectionsConfig config) {
        ProjectionTopics topics = ProjectionTopics.withPrefix(config.topicPrefix());
        ReadStore readStore = new ReadStore(config.readJdbcUrl(), config.readUser(), config.readPassword());
        readStore.migrate();
        if (config.createTopics()) {
            List<String> names = new ArrayList<>(topics.cdc().allNames());
            names.addAll(topics.outputNames());
            TopicBootstrap.ensure(config.kafkaBootstrap(), names, Set.of(topics.orderViews().name()),
                    config.partitions(), config.replicationFactor(), topics.cdc().orders().name());
        }

        RedisURI redisUri = RedisURI.create(config.redisUrl());
        redisUri.setTimeout(REDIS_TIMEOUT);
        // Reconnects back off to at most 500 ms: Lettuce's default doubles up to 30 s, so after a ten-second Redis
        // outage the views waited up to 16 s more for the next attempt (./dev bench faults, restart:redis).
        ClientResources redisResources = ClientResources.builder()
                .reconnectDelay(() -> Delay.exponential(Duration.ofMillis(10), Duration.ofMillis(500), 2, TimeUnit.MILLISECONDS))
                .build();
        resources.add(() -> redisResources.shutdown(0, 2, TimeUnit.SECONDS));
        RedisClient redisClient = RedisClient.create(redisResources, redisUri);
        resources.add(redisClient::shutdown);
        StatefulRedisConnection<String, String> redis = redisClient.connect();
        resources.add(redis);
        bindProcessMetrics();
        var redisWriter = new RedisOrderViewWriter(redis, new RedisKeys(config.redisKeyPrefix()), config.driverStreamMaxLen(),
                new HopMetrics(registry));

        // Renames reach the views in Redis straight from the cache, not after the joins' commits (its own connection).
        StatefulRedisConnection<String, String> fanoutRedis = redisClient.connect();
        resources.add(fanoutRedis);
        var fanout = new RedisReferenceFanout(fanoutRedis, new RedisKeys(config.redisKeyPrefix()), config.driverStreamMaxLen());
        resources.add(fanout);
        ReferenceCache references = new ReferenceCache().notifying(fanout)
                .start(config.kafkaBootstrap(), topics.cdc(), REFERENCE_LOAD);
        resources.add(references);

        if (config.warmUpOrders() > 0) {
            // Before any stream thread starts, so readiness waits for it and the first real change meets compiled code.
            OrderViewWarmUp.run(config.warmUpOrders(), redisWriter::rehearse, config.stateDir());
        }

        String app = config.applicationId();
        // Pipelined: each task's views go to Redis without waiting, and are settled before the task commits.
        PendingSinks pending = new PendingSinks();
        SinkWiring redisSink = config.redisSyncWrites() ? SinkWiring.shared(redisWriter)
                : SinkWiring.perTask(SettleBeforeCommitStore.builder("order-views-redis-settle",
                        () -> new PipelinedRedisSink(redisWriter, REDIS_TIMEOUT), pending));
        Properties orderViewSettings = StreamsSettings.properties(config, ORDER_VIEWS.apply(app), StreamsSettings.HOT_PATH);
        orderViewSettings.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.orderViewThreads());
        // Its producer settles the pipelined Redis writes before each transaction commit (SettlingClientSupplier).
        run(OrderViewProjection.build(topics, redisSink, references, config.itemRouting()), orderViewSettings, ORDER_VIEWS.apply(app),
                new SettlingClientSupplier(pending));
        startRefill(config, topics, redisClient);
        run(OrderEventsProjection.build(topics), config, app + ORDER_EVENTS_SUFFIX, StreamsSettings.HOT_PATH);
        // Sign-outs reach query-api through Redis (a key per revoked session and a publish); its own connection.
        // BATCH, not HOT_PATH: a sign-out may take a tenth of a second longer, and an idle hot-path thread fetches
        // every 10 ms, which took cores from the order view's thread on a small machine.
        StatefulRedisConnection<String, String> sessionRedis = redisClient.connect();
        resources.add(sessionRedis);
        run(SessionRevocationProjection.build(topics, new RedisSessionRevocationWriter(sessionRedis,
                new RedisKeys(config.redisKeyPrefix()), java.time.Clock.systemUTC())), config, SESSIONS.apply(app), StreamsSettings.BATCH);
        var analyticsWriter = new ReadStoreAnalyticsWriter(readStore);
        resources.add(analyticsWriter);
        // A separate connection: the analytics stream thread must not queue behind the hot path's writes.
        StatefulRedisConnection<String, String> analyticsRedis = redisClient.connect();
        resources.add(analyticsRedis);
        var redisAnalytics = new RedisAnalyticsWriter(analyticsRedis, new RedisKeys(config.redisKeyPrefix()));
        AnalyticsSink analyticsSinks = (key, figures) -> {
            analyticsWriter.write(key, figures);
            redisAnalytics.write(key, figures);
        };
        run(AnalyticsProjection.build(topics, analyticsSinks), config, ANALYTICS.apply(app), StreamsSettings.BATCH);

        var readSink = new ReadStoreSink<>(config.kafkaBootstrap(), READ_STORE.apply(app), topics.orderViews(),
                new ReadStoreOrderViewWriter(readStore)).start();
        resources.add(readSink);
        var historySink = new ReadStoreSink<>(config.kafkaBootstrap(), ORDER_HISTORY.apply(app),
                topics.cdc().orderStatusChanges(), new ReadStoreHistoryWriter(readStore)).start();
        resources.add(historySink);
        startCatalogue(config, topics, readStore, redisClient);
        LOG.info("Projections started: application id {}, topic prefix '{}', Redis key prefix '{}'", app,
                config.topicPrefix(), config.redisKeyPrefix());
    }

    /**
     * A Redis that lost its data (restarted empty) is filled again from the compacted topics its keys come from: the
     * order views, the products (the catalogue's hot list) and the revoked sessions. Its own connection and thread.
     */
    private void startRefill(ProjectionsConfig config, ProjectionTopics topics, RedisClient redisClient) {
        StatefulRedisConnection<String, String> refillRedis = redisClient.connect();
        resources.add(refillRedis);
        RedisKeys keys = new RedisKeys(config.redisKeyPrefix());
        var views = new RedisOrderViewWriter(refillRedis, keys, config.driverStreamMaxLen());
        var products = new RedisCatalogueWriter(refillRedis, keys);
        var sessions = new RedisSessionRevocationWriter(refillRedis, keys, java.time.Clock.systemUTC());
        List<RedisViewRefill.Part<?, ?>> parts = List.of(new RedisViewRefill.Part<>(topics.orderViews(), views::refill,
                        RedisViewRefill.TAIL),
                new RedisViewRefill.Part<>(topics.cdc().products(), event -> products.apply(RowParser.product(event))),
                new RedisViewRefill.Part<>(topics.cdc().sessionRevocations(), event -> {
                    if (event.op() != ge.dms.schemas.cdc.Op.DELETE) {
                        sessions.revoked(SessionRevocationRow.parse(event));
                    }
                    return true;
                }));
        resources.add(new RedisViewRefill(config.kafkaBootstrap(), parts, refillRedis.sync(), keys).start());
    }

    /** Products, restaurants and drivers → the catalogue hot list in Redis and the read-side tables (own connections). */
    private void startCatalogue(ProjectionsConfig config, ProjectionTopics topics, ReadStore readStore, RedisClient redisClient) {
        StatefulRedisConnection<String, String> catalogueRedis = redisClient.connect();
        resources.add(catalogueRedis);
        var catalogueReadStore = new ReadStoreCatalogueWriter(readStore);
        resources.add(catalogueReadStore);
        var sinks = new CatalogueSinks(new RedisCatalogueWriter(catalogueRedis, new RedisKeys(config.redisKeyPrefix())),
                catalogueReadStore);
        run(CatalogueProjection.build(topics, sinks), config, CATALOGUE.apply(config.applicationId()), StreamsSettings.BATCH);
    }

    /** Every meter in Prometheus' text format ({@code GET /metrics} of the health server). */
    public String scrape() {
        return registry.scrape();
    }

    private void bindProcessMetrics() {
        registry.config().commonTags("service", "projections");
        new JvmMemoryMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        resources.add(gc);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
    }

    private void run(Topology topology, ProjectionsConfig config, String applicationId, StreamsSettings.Profile profile) {
        run(topology, StreamsSettings.properties(config, applicationId, profile), applicationId);
    }

    private void run(Topology topology, Properties settings, String applicationId) {
        run(topology, settings, applicationId, new org.apache.kafka.streams.processor.internals.DefaultKafkaClientSupplier());
    }

    private void run(Topology topology, Properties settings, String applicationId, org.apache.kafka.streams.KafkaClientSupplier clients) {
        KafkaStreams kafkaStreams = new KafkaStreams(topology, settings, clients);
        // Its clients' metrics: consumer lag per topic and partition (records-lag), commit and process latencies.
        // Re-read every 10 s, not Micrometer's 60: a partition's lag series appears soon after it is assigned.
        KafkaStreamsMetrics clientMetrics = new KafkaStreamsMetrics(kafkaStreams, List.of(),
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, applicationId + "-metrics");
                    t.setDaemon(true);
                    return t;
                }), Duration.ofSeconds(10));
        clientMetrics.bindTo(registry);
        resources.add(clientMetrics);
        kafkaStreams.setUncaughtExceptionHandler(e -> {
            LOG.error("Stream thread of {} failed; replacing it (work resumes from the last commit)", applicationId, e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.add(kafkaStreams);
        kafkaStreams.start();
    }

    /** True when every topology is running (for health checks and tests). */
    public boolean isRunning() {
        return !streams.isEmpty() && streams.stream().allMatch(s -> s.state() == KafkaStreams.State.RUNNING);
    }

    @Override
    public void close() {
        for (KafkaStreams s : streams) {
            // Leave the group: its partitions move to another instance now, not after the session timeout,
            // and a view rebuild can delete the group right away.
            s.close(CloseOptions.timeout(Duration.ofSeconds(30))
                    .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        }
        List<AutoCloseable> reversed = new ArrayList<>(resources);
        Collections.reverse(reversed);
        for (AutoCloseable resource : reversed) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("Closing {} failed", resource, e);
            }
        }
    }
}
