package ge.dms.projection;

import ge.dms.devstack.infra.Infrastructure;
import ge.dms.devstack.infra.PostgresEndpoint;
import ge.dms.devstack.test.TestNamespace;
import ge.dms.devstack.test.WithDevStack;
import ge.dms.schemas.view.RedisKeys;
import ge.dms.schemas.ProjectionTopics;
import ge.dms.schemas.Topic;
import ge.dms.schemas.cdc.ChangeEvent;
import ge.dms.schemas.event.OrderEvent;
import ge.dms.schemas.event.OrderEventType;
import ge.dms.schemas.serde.Json;
import ge.dms.schemas.view.OrderView;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The projections on the real stack: change events produced to a test's own CDC topics (standing
 * in for cdc-pipeline) show up in Redis, the read-side PostgreSQL, the analytics table, the order
 * events topic and, for a malformed record, the dead-letter topic.
 */
@WithDevStack
class ProjectionsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private final TestData data = new TestData();
    private ProjectionTopics topics;
    private PostgresEndpoint readDb;
    private Projections projections;
    private KafkaProducer<byte[], byte[]> producer;
    private RedisClient redisClient;
    private StatefulRedisConnection<String, String> redisConnection;
    private RedisCommands<String, String> redis;
    private RedisKeys keys;
    private String bootstrap;
    private TestNamespace ns;

    @BeforeEach
    void start(Infrastructure infra, TestNamespace ns, @TempDir Path stateDir) {
        this.ns = ns;
        bootstrap = infra.endpoints().kafkaBootstrap();
        readDb = ns.readDatabase();
        topics = ProjectionTopics.withPrefix(ns.topicPrefix());
        keys = new RedisKeys(ns.redisKeyPrefix());
        ProjectionsConfig config = ProjectionsConfig.of(bootstrap, infra.endpoints().redisUrl(), readDb.jdbcUrl(),
                        readDb.user(), readDb.password())
                .withNamespace(ns.topicPrefix(), ns.applicationId("projections"), ns.redisKeyPrefix(), stateDir)
                // One partition: this test sends items keyed by their own id, not on their order's partition as cdc-pipeline does.
                .withPartitions(1);
        projections = Projections.start(config);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
        redisClient = RedisClient.create(infra.endpoints().redisUrl());
        redisConnection = redisClient.connect();
        redis = redisConnection.sync();
    }

    @AfterEach
    void stop() {
        producer.close();
        redisConnection.close();
        redisClient.shutdown();
        projections.close();
    }

    @Test
    void shouldProjectChangesIntoRedisTheReadSideAnalyticsAndEvents() throws Exception {
        send(topics.cdc().restaurants(), data.restaurant(7, "ხაჭაპური House"));
        send(topics.cdc().drivers(), data.driver(3, "Giorgi"));
        send(topics.cdc().orderItems(), data.item(11, 1, "სულგუნი"));
        send(topics.cdc().orders(), data.order(1, 1, "pending", 7, null, 2));
        send(topics.cdc().orderStatusChanges(), data.statusChange(1, 1, null, "pending"));
        send(topics.cdc().orderItems(), data.item(12, 1, "Bread"));
        sendRaw(topics.cdc().orders(), "2", "{definitely not json");
        send(topics.cdc().orders(), data.order(1, 2, "confirmed", 7, 3L, 2));
        send(topics.cdc().orderStatusChanges(), data.statusChange(2, 1, "pending", "confirmed"));

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(redis.hget(keys.order(1), "status")).isEqualTo("confirmed");
            assertThat(redis.zrange(keys.driverActive(3), 0, -1)).containsExactly("1");
        });
        OrderView view = Json.mapper().readValue(redis.hget(keys.order(1), "json"), OrderView.class);
        assertThat(view.items()).hasSize(2);
        assertThat(view.driver().name()).isEqualTo("Giorgi");
        assertThat(view.restaurant().name()).isEqualTo("ხაჭაპური House");

        send(topics.cdc().restaurants(), data.restaurant(7, "ხაჭაპური House (Vake)"));
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(redis.hget(keys.order(1), "json")).contains("ხაჭაპური House (Vake)");
            assertThat(query("SELECT restaurant_name || ':' || status || ':' || version FROM order_view WHERE order_id = 1"))
                    .containsExactly("ხაჭაპური House (Vake):confirmed:2");
            assertThat(query("SELECT count(*) FROM order_view_item WHERE order_id = 1")).containsExactly("2");
            assertThat(query("SELECT orders || ':' || (status_counts->>'confirmed') FROM analytics_daily WHERE dimension = 'restaurant' AND dimension_id = 7"))
                    .containsExactly("1:1");
            assertThat(redis.get(ns.redisKeyPrefix() + "analytics:restaurant:7:2026-11-22")).contains("\"confirmed\":1");
            assertThat(query("SELECT dimension_id || ':' || orders || ':' || (status_counts->>'confirmed') FROM analytics_daily WHERE dimension = 'all'"))
                    .containsExactly("0:1:1");
            assertThat(redis.get(ns.redisKeyPrefix() + "analytics:all:0:2026-11-22")).contains("\"confirmed\":1");
            assertThat(query("SELECT coalesce(from_status, '-') || '>' || to_status || ':' || actor_role FROM order_history "
                    + "WHERE order_id = 1 ORDER BY changed_at, change_id")).containsExactly("->pending:admin", "pending>confirmed:admin");
            assertThat(redis.xlen(keys.restaurantChanges(7))).isGreaterThanOrEqualTo(2);
        });

        List<OrderEvent> events = readAll(topics.orderEvents(), 3);
        assertThat(events).extracting(OrderEvent::type).containsExactlyInAnyOrder(
                OrderEventType.OrderPlaced, OrderEventType.OrderConfirmed, OrderEventType.DriverAssigned);
        assertThat(readAll(topics.deadLetter(), 1).getFirst().reason()).contains("cannot read ChangeEvent");
    }

    @Test
    void shouldMeasureTheHotPathsHopsForPrometheus() throws Exception {
        send(topics.cdc().restaurants(), data.restaurant(8, "მეტრიკა"));
        send(topics.cdc().orderItems(), data.item(51, 5, "ყველი"));
        send(topics.cdc().orders(), data.order(5, 1, "pending", 8, null, 1));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(redis.hget(keys.order(5), "status")).isEqualTo("pending"));

        await().atMost(PATIENCE).untilAsserted(() -> {
            String metrics = projections.scrape();
            for (String hop : List.of("cdc_to_input", "input_to_emit", "emit_to_redis")) {
                assertThat(count(metrics, "dms_projections_" + hop + "_seconds_count")).as(hop).isGreaterThanOrEqualTo(1);
            }
            assertThat(metrics).contains("dms_projections_emit_to_redis_seconds_bucket{", "jvm_memory_used_bytes{");
            // Kafka Streams' consumer lag, per topic and partition, for every application.
            assertThat(metrics).containsPattern("kafka_consumer_fetch_manager_records_lag\\{[^}]*partition=\"0\"[^}]*topic=\""
                    + java.util.regex.Pattern.quote(topics.cdc().orders().name()) + "\"");
        });
    }

    /** The value of an unlabelled-but-service series, e.g. {@code name{service="projections"} 3.0}. */
    private static double count(String metrics, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^" + name + "\\{[^}]*} (\\S+)$", java.util.regex.Pattern.MULTILINE)
                .matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private void send(Topic<Long, ChangeEvent> topic, ChangeEvent event) throws Exception {
        producer.send(new ProducerRecord<>(topic.name(), topic.keySerde().serializer().serialize(topic.name(), event.id()),
                topic.valueSerde().serializer().serialize(topic.name(), event))).get();
    }

    private void sendRaw(Topic<?, ?> topic, String key, String value) throws Exception {
        producer.send(new ProducerRecord<>(topic.name(), key.getBytes(StandardCharsets.UTF_8),
                value.getBytes(StandardCharsets.UTF_8))).get();
    }

    private <K, V> List<V> readAll(Topic<K, V> topic, int atLeast) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<V> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(props, topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
            consumer.subscribe(List.of(topic.name()));
            await().atMost(PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
                return values.size() >= atLeast;
            });
        }
        return values;
    }

    private List<String> query(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(readDb.jdbcUrl(), readDb.user(), readDb.password());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        } catch (SQLException e) {
            if (e.getMessage().contains("does not exist")) {
                return List.of();
            }
            throw e;
        }
    }

}
