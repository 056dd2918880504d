package ge.dms.projection;

import ge.dms.devstack.infra.Infrastructure;
import ge.dms.devstack.infra.PostgresEndpoint;
import ge.dms.devstack.test.TestNamespace;
import ge.dms.devstack.test.WithDevStack;
import ge.dms.schemas.view.RedisKeys;
import ge.dms.schemas.ProjectionTopics;
import ge.dms.schemas.Topic;
import ge.dms.schemas.cdc.ChangeEvent;
import ge.dms.schemas.cdc.Op;
import ge.dms.schemas.serde.Json;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;

/**
 * Measures the hop from a change topic to Redis: order updates produced at ~200/s (commit time =
 * send time), latency = when the driver's Redis change stream entry is read minus that time.
 * Not run by default (no Test/IT suffix): {@code -Dit.test=OrderViewLatencyMeasurement}. Asserts nothing about speed.
 */
@WithDevStack
class OrderViewLatencyMeasurement {

    private static final Logger LOG = LoggerFactory.getLogger(OrderViewLatencyMeasurement.class);
    private static final int ORDERS = 50;
    private static final int RATE_PER_SECOND = 200;
    private static final int WARM_UP = 1000;
    private static final int MEASURED = 6000;

    @Test
    void measureChangeTopicToRedisLatency(Infrastructure infra, TestNamespace ns, @TempDir Path stateDir) throws Exception {
        PostgresEndpoint readDb = ns.readDatabase();
        ProjectionTopics topics = ProjectionTopics.withPrefix(ns.topicPrefix());
        RedisKeys keys = new RedisKeys(ns.redisKeyPrefix());
        ProjectionsConfig config = ProjectionsConfig.of(infra.endpoints().kafkaBootstrap(), infra.endpoints().redisUrl(),
                readDb.jdbcUrl(), readDb.user(), readDb.password())
                .withNamespace(ns.topicPrefix(), ns.applicationId("latency"), ns.redisKeyPrefix(), stateDir)
                // One partition: this test sends items keyed by their own id, not on their order's partition as cdc-pipeline does.
                .withPartitions(1);
        Histogram histogram = new Histogram(TimeUnit.SECONDS.toMicros(10), 3);
        AtomicLong received = new AtomicLong();
        AtomicBoolean reading = new AtomicBoolean(true);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.endpoints().kafkaBootstrap());
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        RedisClient client = RedisClient.create(infra.endpoints().redisUrl());
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        try (Projections projections = Projections.start(config);
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
             StatefulRedisConnection<String, String> redis = client.connect()) {
            send(producer, topics.cdc().restaurants(), row(1, "restaurants", Map.of("id", 1, "name", "R")), 1);
            send(producer, topics.cdc().drivers(), row(1, "drivers", Map.of("id", 1, "name", "D")), 2);
            Thread reader = Thread.ofPlatform().start(() -> read(redis, keys.driverChanges(1), histogram, received, reading));
            await().atMost(Duration.ofMinutes(1)).until(projections::isRunning);
            AtomicLong sent = new AtomicLong();
            pacer.scheduleAtFixedRate(() -> {
                try {
                    if (sent.get() >= WARM_UP && !measuring.get()) {
                        return; // warm-up sent: wait until it has all come through (start-up backlog drained)
                    }
                    long n = sent.incrementAndGet();
                    if (n <= WARM_UP + MEASURED) {
                        long orderId = 1 + (n % ORDERS);
                        long version = 1 + n / ORDERS;
                        send(producer, topics.cdc().orders(), row(orderId, "orders", order(orderId, version)), 100 + n);
                    }
                } catch (RuntimeException e) {
                    LOG.error("Pacer failed; the measurement stops sending", e);
                    throw e;
                }
            }, 0, 1_000_000 / RATE_PER_SECOND, TimeUnit.MICROSECONDS);
            await().atMost(Duration.ofMinutes(2)).until(() -> sent.get() >= WARM_UP && received.get() >= WARM_UP);
            measuring.set(true);
            // The FK joins may skip intermediate versions of a fast-changing order (only the newest is
            // joined), so the end is "everything sent and nothing new arriving", not a count.
            AtomicLong lastSeen = new AtomicLong(-1);
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(3))
                    .conditionEvaluationListener(c -> LOG.info("sent {}, read from the driver stream {}", sent.get(), received.get()))
                    .until(() -> sent.get() > WARM_UP + MEASURED && received.get() == lastSeen.getAndSet(received.get()));
            reading.set(false);
            reader.join();
        } finally {
            pacer.shutdownNow();
            client.shutdown();
        }
        LOG.info("{} sent, {} stream entries read", WARM_UP + MEASURED, received.get());
        LOG.info("change topic -> Redis stream entry, {} changes at {}/s: p50 {} ms, p99 {} ms, p99.9 {} ms, max {} ms",
                histogram.getTotalCount(), RATE_PER_SECOND, ms(histogram.getValueAtPercentile(50)),
                ms(histogram.getValueAtPercentile(99)), ms(histogram.getValueAtPercentile(99.9)), ms(histogram.getMaxValue()));
    }

    private static void read(StatefulRedisConnection<String, String> redis, String stream, Histogram histogram,
                             AtomicLong received, AtomicBoolean reading) {
        String lastId = "0-0";
        while (reading.get()) {
            List<StreamMessage<String, String>> messages = readAfter(redis, stream, lastId);
            long nowMicros = nowMicros();
            for (StreamMessage<String, String> m : messages) {
                lastId = m.getId();
                if (received.incrementAndGet() > WARM_UP && m.getBody().get("view") != null) {
                    long micros = Math.max(0, nowMicros - sentMicros(m.getBody().get("view")));
                    histogram.recordValue(micros);
                    if (micros > 100_000 && slow.getAndIncrement() % 50 == 0) {
                        LOG.info("slow entry #{}: {} ms (entry {})", slow.get(), micros / 1000, received.get());
                    }
                }
            }
        }
    }

    @SuppressWarnings("unchecked") // one stream offset through Lettuce's varargs
    private static List<StreamMessage<String, String>> readAfter(StatefulRedisConnection<String, String> redis, String stream,
                                                                 String lastId) {
        return redis.sync().xread(XReadArgs.Builder.block(500).count(500), XReadArgs.StreamOffset.from(stream, lastId));
    }

    /** The send time travels in the order's notes column, in microseconds. */
    private static long sentMicros(String viewJson) {
        try {
            return Long.parseLong(Json.mapper().readTree(viewJson).get("notes").asText());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, Object> order(long id, long version) {
        Map<String, Object> row = new java.util.HashMap<>(TestData.orderRow(id, version, "confirmed", 1, 1L, 0));
        row.put("notes", Long.toString(nowMicros()));
        return row;
    }

    private static ChangeEvent row(long id, String table, Map<String, Object> after) {
        return new ChangeEvent(1, Op.UPDATE, table, id, null, after, 0, null, null, null, Instant.now(), false);
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, Topic<Long, ChangeEvent> topic, ChangeEvent event, long lsn) {
        ChangeEvent withLsn = new ChangeEvent(1, event.op(), event.table(), event.id(), null, event.after(), lsn, null,
                null, null, event.commitTime(), false);
        producer.send(new ProducerRecord<>(topic.name(), topic.keySerde().serializer().serialize(topic.name(), event.id()),
                topic.valueSerde().serializer().serialize(topic.name(), withLsn)));
    }

    private static final AtomicLong slow = new AtomicLong();
    private static final AtomicBoolean measuring = new AtomicBoolean();

    private static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
    }

    private static String ms(long micros) {
        return String.format("%.1f", micros / 1000.0);
    }
}
