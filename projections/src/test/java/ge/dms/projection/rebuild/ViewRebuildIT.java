package ge.dms.projection.rebuild;

import ge.dms.devstack.infra.Infrastructure;
import ge.dms.devstack.infra.PostgresEndpoint;
import ge.dms.devstack.test.TestNamespace;
import ge.dms.devstack.test.WithDevStack;
import ge.dms.projection.Projections;
import ge.dms.projection.ProjectionsConfig;
import ge.dms.projection.TestData;
import ge.dms.schemas.view.RedisKeys;
import ge.dms.schemas.ProjectionTopics;
import ge.dms.schemas.Topic;
import ge.dms.schemas.cdc.ChangeEvent;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Dropping every view and starting again rebuilds Redis, the read side and the analytics exactly as they were. */
@WithDevStack
class ViewRebuildIT {

    private static final int ORDERS = 40;

    @Test
    void shouldRebuildIdenticalViewsFromKafka(Infrastructure infra, TestNamespace ns, @TempDir Path stateDir) throws Exception {
        PostgresEndpoint readDb = ns.readDatabase();
        ProjectionTopics topics = ProjectionTopics.withPrefix(ns.topicPrefix());
        RedisKeys keys = new RedisKeys(ns.redisKeyPrefix());
        ProjectionsConfig config = ProjectionsConfig.of(infra.endpoints().kafkaBootstrap(), infra.endpoints().redisUrl(),
                        readDb.jdbcUrl(), readDb.user(), readDb.password())
                .withNamespace(ns.topicPrefix(), ns.applicationId("rebuild"), ns.redisKeyPrefix(), stateDir)
                // One partition: this test sends items keyed by their own id, not on their order's partition as cdc-pipeline does.
                .withPartitions(1);
        RedisClient client = RedisClient.create(infra.endpoints().redisUrl());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> redis = connection.sync();
            List<String> live;
            try (Projections projections = Projections.start(config)) {
                assertThat(projections).isNotNull();
                produce(infra.endpoints().kafkaBootstrap(), topics);
                // Views, read-side rows and items per order, plus one analytics row per dimension
                // (restaurant, driver, all orders: every order on one day); then stable.
                AtomicReference<List<String>> last = new AtomicReference<>(List.of());
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                    List<String> now = snapshot(redis, keys, readDb);
                    return now.size() == 3 * ORDERS + 3 && now.equals(last.getAndSet(now));
                });
                live = last.get();
            }

            ViewRebuild.dropViews(config);
            assertThat(redis.exists(keys.order(1))).isZero();
            assertThat(snapshot(redis, keys, readDb)).isEmpty();

            try (Projections projections = Projections.start(config)) {
                assertThat(projections).isNotNull();
                await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertThat(snapshot(redis, keys, readDb)).isEqualTo(live));
            }
        } finally {
            client.shutdown();
        }
    }

    private static void produce(String bootstrap, ProjectionTopics topics) {
        TestData data = new TestData();
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (var producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            send(producer, topics.cdc().restaurants(), data.restaurant(1, "Restaurant 1"));
            send(producer, topics.cdc().drivers(), data.driver(1, "Driver 1"));
            for (long id = 1; id <= ORDERS; id++) {
                send(producer, topics.cdc().orderItems(), data.item(id * 10, id, "Item"));
                send(producer, topics.cdc().orders(), data.order(id, 1, "pending", 1, null, 1));
                if (id % 2 == 0) {
                    send(producer, topics.cdc().orders(), data.order(id, 2, "confirmed", 1, 1L, 1));
                }
                if (id % 4 == 0) {
                    send(producer, topics.cdc().orders(), data.order(id, 3, "delivered", 1, 1L, 1));
                }
            }
            send(producer, topics.cdc().restaurants(), data.restaurant(1, "Restaurant 1 (renamed)"));
        }
    }

    /** Every order's Redis view and read-side row, plus the analytics rows, as comparable text. */
    private static List<String> snapshot(RedisCommands<String, String> redis, RedisKeys keys, PostgresEndpoint db) throws Exception {
        List<String> rows = new ArrayList<>();
        for (long id = 1; id <= ORDERS; id++) {
            String json = redis.hget(keys.order(id), "json");
            if (json != null && json.contains("(renamed)")) {
                rows.add("redis " + json);
            }
        }
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement s = c.createStatement()) {
            if (!tableExists(s)) {
                return rows;
            }
            collect(s, "SELECT 'pg ' || view::text FROM order_view WHERE restaurant_name LIKE '%(renamed)' ORDER BY order_id", rows);
            collect(s, "SELECT 'items ' || order_id || ' ' || item_id || ' ' || product_name FROM order_view_item ORDER BY item_id", rows);
            collect(s, "SELECT 'analytics ' || dimension || dimension_id || day || orders || status_counts::text || delivered_revenue "
                    + "|| pickup_to_delivery_histogram::text FROM analytics_daily ORDER BY 1", rows);
        }
        return rows;
    }

    private static boolean tableExists(Statement s) throws Exception {
        try (ResultSet rs = s.executeQuery("SELECT to_regclass('order_view') IS NOT NULL")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static void collect(Statement s, String sql, List<String> rows) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, Topic<Long, ChangeEvent> topic, ChangeEvent event) {
        producer.send(new ProducerRecord<>(topic.name(), topic.keySerde().serializer().serialize(topic.name(), event.id()),
                topic.valueSerde().serializer().serialize(topic.name(), event)));
    }
}
