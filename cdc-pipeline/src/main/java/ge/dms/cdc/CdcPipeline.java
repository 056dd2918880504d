package ge.dms.cdc;

import ge.dms.cdc.convert.ChangeEventConverter;
import ge.dms.cdc.errors.PermanentCdcException;
import ge.dms.cdc.publish.AckListener;
import ge.dms.cdc.publish.CdcMetrics;
import ge.dms.cdc.publish.ChangePublisher;
import ge.dms.cdc.slot.SlotMonitor;
import ge.dms.cdc.slot.SlotState;
import ge.dms.cdc.startup.KafkaTopics;
import ge.dms.cdc.startup.Preflight;
import ge.dms.schemas.Topics;
import ge.dms.settings.InvalidSettingsException;
import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The CDC service: Debezium's embedded engine (postgres connector, pgoutput) reading the
 * write-side database through one replication slot and publication, publishing every change
 * of the captured tables to its {@code dms.cdc.<table>} topic keyed by row id, and transaction
 * boundaries to {@code dms.cdc.transactions}. Offsets are stored in a Kafka topic and advance
 * only over records Kafka acknowledged.
 *
 * <p>Start with {@link #start(CdcConfig)}; {@link #close()} stops gracefully (offsets of
 * acknowledged records are flushed); {@link #stopped()} completes when it stops on its own,
 * exceptionally with a {@link PermanentCdcException} that says what to fix.
 */
public final class CdcPipeline implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CdcPipeline.class);

    private final CdcConfig config;
    private final Producer<byte[], byte[]> producer;
    private final CdcMetrics metrics;
    private final SlotMonitor slotMonitor;
    private final ExecutorService engineThread;
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private DebeziumEngine<RecordChangeEvent<SourceRecord>> engine;
    private HealthServer healthServer;
    private volatile boolean closing;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private CdcPipeline(CdcConfig config, MeterRegistry registry) {
        this.config = config;
        this.producer = new KafkaProducer<>(producerProperties(config), new ByteArraySerializer(), new ByteArraySerializer());
        this.metrics = new CdcMetrics(registry, Clock.systemUTC());
        this.slotMonitor = new SlotMonitor(config, registry, this::fail);
        this.engineThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "dms-cdc-engine"));
    }

    public static CdcPipeline start(CdcConfig config) {
        return start(config, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), AckListener.NONE);
    }

    /**
     * Checks the database and Kafka, creates missing topics, then starts streaming in the background.
     *
     * @throws PermanentCdcException when something must be fixed first (credentials, publication, lost slot)
     */
    public static CdcPipeline start(CdcConfig config, PrometheusMeterRegistry registry, AckListener listener) {
        KafkaTopics.ensure(config);
        Preflight.check(config, KafkaTopics.offsetsExist(config));
        registry.config().commonTags("service", "cdc-pipeline"); // before any meter: tags apply to meters registered later
        CdcPipeline pipeline = new CdcPipeline(config, registry);
        try {
            pipeline.bindProcessMetrics(registry);
            pipeline.startEngine(listener);
            if (config.healthPort() >= 0) {
                pipeline.healthServer = new HealthServer(config.healthPort(), pipeline, registry);
            }
        } catch (RuntimeException e) {
            pipeline.close();
            throw e;
        }
        return pipeline;
    }

    /** JVM, CPU and the producer's own metrics (send rate, request latency, retries) beside the pipeline's. */
    private void bindProcessMetrics(MeterRegistry registry) {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        KafkaClientMetrics producerMetrics = new KafkaClientMetrics(producer);
        producerMetrics.bindTo(registry);
    }

    private void startEngine(AckListener listener) {
        ChangeEventConverter converter = new ChangeEventConverter(EngineProperties.UNAVAILABLE_VALUE_PLACEHOLDER, Clock.systemUTC());
        ChangePublisher publisher = new ChangePublisher(Topics.withPrefix(config.topics().prefix()), producer, converter,
                metrics, listener, config.producer().retryBackoffMaxMs(), Clock.systemUTC());
        engine = DebeziumEngine.create(ChangeEventFormat.of(Connect.class))
                .using(EngineProperties.of(config))
                .using(this::engineStopped)
                .notifying(publisher)
                .build();
        engineThread.execute(engine);
        slotMonitor.start();
        LOG.info("cdc-pipeline started: slot {}, publication {}, topics {}dms.cdc.*, engine {}",
                config.source().slotName(), config.source().publicationName(), config.topics().prefix(), engine.getClass().getSimpleName());
    }

    private void engineStopped(boolean success, String message, Throwable error) {
        if (success || closing) {
            LOG.info("Debezium engine stopped: {}", message);
            stopped.complete(null);
            return;
        }
        PermanentCdcException permanent = findPermanent(error);
        RuntimeException failure = permanent != null ? permanent
                : new IllegalStateException("Debezium engine stopped: " + message, error);
        LOG.error("cdc-pipeline stopped: {}", failure.getMessage(), error);
        stopped.completeExceptionally(failure);
    }

    private static PermanentCdcException findPermanent(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof PermanentCdcException permanent) {
                return permanent;
            }
        }
        return null;
    }

    private void fail(PermanentCdcException failure) {
        stopped.completeExceptionally(failure);
        Thread.ofPlatform().name("dms-cdc-stop").start(this::closeEngine);
    }

    /** Completes when the pipeline stops: normally after {@link #close()}, exceptionally on a failure. */
    public CompletableFuture<Void> stopped() {
        return stopped;
    }

    public SlotState slotState() {
        return slotMonitor.state();
    }

    public CdcConfig config() {
        return config;
    }

    /** The health port actually bound (cdc.health.port 0 picks one), or -1 when off. */
    public int healthPort() {
        return healthServer == null ? -1 : healthServer.port();
    }

    /**
     * UP while the engine runs and the slot is healthy.
     *
     * @param up             overall
     * @param slot           the slot as last seen
     * @param lastEventAgeMs ms since the newest published change committed, -1 before the first
     * @param published      change events acknowledged since start
     * @param error          why it is down, or null
     */
    public record Health(boolean up, SlotState slot, long lastEventAgeMs, long published, String error) {

        String toJson() {
            return "{\"status\":\"" + (up ? "UP" : "DOWN") + "\",\"slot\":{\"exists\":" + slot.exists()
                    + ",\"active\":" + slot.active() + ",\"walStatus\":\"" + slot.walStatus() + "\",\"retainedWalBytes\":"
                    + slot.retainedBytes() + ",\"lagBytes\":" + slot.lagBytes() + "},\"lastEventAgeMs\":" + lastEventAgeMs
                    + ",\"published\":" + published + ",\"error\":"
                    + (error == null ? "null" : "\"" + error.replace("\\", "\\\\").replace("\"", "\\\"") + "\"") + "}";
        }
    }

    public Health health() {
        String error = null;
        if (stopped.isCompletedExceptionally()) {
            try {
                stopped.join();
            } catch (CompletionException e) {
                error = e.getCause().getMessage();
            }
        } else if (stopped.isDone()) {
            error = "stopped";
        } else if (!slotMonitor.healthy()) {
            error = "replication slot " + config.source().slotName() + " unhealthy: " + slotMonitor.state();
        }
        return new Health(error == null, slotMonitor.state(), metrics.lastEventAgeMillis(), metrics.published(), error);
    }

    /** Stops gracefully: the engine finishes its batch and flushes the offsets of acknowledged records. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closing = true;
        if (healthServer != null) {
            healthServer.close();
        }
        slotMonitor.close();
        closeEngine();
        engineThread.shutdown();
        try {
            if (!engineThread.awaitTermination(60, TimeUnit.SECONDS)) {
                LOG.warn("Debezium engine did not stop within 60 s");
                engineThread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(10));
        stopped.complete(null);
    }

    private void closeEngine() {
        try {
            if (engine != null) {
                engine.close();
            }
        } catch (IOException e) {
            LOG.warn("Debezium engine did not close cleanly", e);
        }
    }

    private static Properties producerProperties(CdcConfig config) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.connection().kafkaBootstrap());
        p.put(ProducerConfig.CLIENT_ID_CONFIG, config.source().name() + "-producer");
        // Acknowledged means on every in-sync replica: the only ack worth advancing offsets for.
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        // Producer retries never duplicate or reorder within a partition.
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        // Each record leaves at once; batching happens anyway while a request is in flight.
        p.put(ProducerConfig.LINGER_MS_CONFIG, Long.toString(config.producer().lingerMs()));
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(config.producer().deliveryTimeoutMs()));
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(Math.min(10_000, config.producer().deliveryTimeoutMs())));
        // send() must not block the engine for Kafka's default 60 s when metadata is missing; the batch is retried instead.
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        p.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, "50");
        p.put(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG, "1000");
        return p;
    }

    /** Runs the pipeline from {@code DMS_*} environment variables and {@code cdc.*} system properties until stopped. */
    public static void main(String[] args) {
        Map<String, String> properties = new HashMap<>();
        System.getProperties().forEach((k, v) -> {
            if (k.toString().startsWith("cdc.")) {
                properties.put(k.toString(), v.toString());
            }
        });
        CdcConfig config;
        try {
            config = CdcConfig.from(System.getenv(), properties);
        } catch (InvalidSettingsException e) {
            LOG.error("cdc-pipeline cannot start, {}", e.getMessage());
            // Exit status 2 without a stack trace: the message says what to set. A normal exit, so the
            // shutdown hooks (the log appenders' flush among them) still run.
            System.exit(2);
            return;
        }
        LOG.info("starting cdc-pipeline with {}", config);
        CdcPipeline pipeline = start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(pipeline::close, "dms-cdc-shutdown"));
        try {
            pipeline.stopped().join();
        } finally {
            // Also after a failure: stops the engine thread and the producer so the JVM can exit with the error.
            pipeline.close();
        }
    }
}
