package ge.dms.projection;

import ge.dms.devstack.infra.Infrastructure;
import ge.dms.devstack.infra.PostgresEndpoint;
import ge.dms.devstack.test.TestNamespace;
import ge.dms.devstack.test.WithDevStack;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Many orders with random lifecycles, interleaved, with items before or after their order, a
 * restaurant renamed midway and some changes replayed: at the end Redis, the read side and the
 * analytics agree with the final write-side state computed here.
 */
@WithDevStack
class ProjectionsConsistencyIT {

    private static final int ORDERS = 300;
    private static final List<String> LIFECYCLE = List.of("pending", "confirmed", "preparing", "ready", "out_for_delivery", "delivered");

    private final TestData data = new TestData();
    private final Random random = new Random(42);
    private final Map<Long, Long> restaurantOf = new HashMap<>();

    @Test
    void shouldConvergeToTheWriteSideStateUnderInterleavingRenamesAndReplays(Infrastructure infra, TestNamespace ns,
                                                                             @TempDir Path stateDir) throws Exception {
        PostgresEndpoint readDb = ns.readDatabase();
        ProjectionTopics topics = ProjectionTopics.withPrefix(ns.topicPrefix());
        RedisKeys keys = new RedisKeys(ns.redisKeyPrefix());
        ProjectionsConfig config = ProjectionsConfig.of(infra.endpoints().kafkaBootstrap(), infra.endpoints().redisUrl(),
                        readDb.jdbcUrl(), readDb.user(), readDb.password())
                .withNamespace(ns.topicPrefix(), ns.applicationId("consistency"), ns.redisKeyPrefix(), stateDir)
                // One partition: this test sends items keyed by their own id, not on their order's partition as cdc-pipeline does.
                .withPartitions(1);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.endpoints().kafkaBootstrap());
        RedisClient client = RedisClient.create(infra.endpoints().redisUrl());
        Map<Long, String[]> expected = new TreeMap<>(); // order -> {status, version, driver}
        try (Projections projections = Projections.start(config);
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
             StatefulRedisConnection<String, String> connection = client.connect()) {
            for (long r = 1; r <= 5; r++) {
                send(producer, topics.cdc().restaurants(), data.restaurant(r, "Restaurant " + r));
            }
            for (long d = 1; d <= 4; d++) {
                send(producer, topics.cdc().drivers(), data.driver(d, "Driver " + d));
            }
            List<List<Object[]>> scripts = new ArrayList<>();
            for (long id = 1; id <= ORDERS; id++) {
                scripts.add(script(id, expected));
            }
            int sent = 0;
            List<ChangeEvent> replays = new ArrayList<>();
            while (!scripts.isEmpty()) {
                List<Object[]> script = scripts.get(random.nextInt(scripts.size()));
                Object[] step = script.removeFirst();
                ChangeEvent event = realise(step);
                send(producer, changeTopic(topics, event), event);
                if (random.nextInt(10) == 0) {
                    replays.add(event);
                }
                if (script.isEmpty()) {
                    scripts.remove(script);
                }
                if (++sent == 500) {
                    send(producer, topics.cdc().restaurants(), data.restaurant(3, "Restaurant 3 (renamed)"));
                }
            }
            for (ChangeEvent replay : replays) {
                send(producer, changeTopic(topics, replay), replay);
            }
            producer.flush();

            RedisCommands<String, String> redis = connection.sync();
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                for (var e : expected.entrySet()) {
                    Map<String, String> held = redis.hgetall(keys.order(e.getKey()));
                    assertThat(held.get("status") + ":" + held.get("version") + ":" + held.get("driver"))
                            .as("order %d in Redis", e.getKey()).isEqualTo(String.join(":", e.getValue()));
                }
            });
            restaurantOf.forEach((order, restaurant) -> {
                if (restaurant == 3) {
                    assertThat(redis.hget(keys.order(order), "json")).as("order %d", order).contains("Restaurant 3 (renamed)");
                }
            });
            Map<String, Long> statuses = new HashMap<>();
            expected.values().forEach(v -> statuses.merge(v[0], 1L, Long::sum));
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                assertThat(query(readDb, "SELECT status, count(*) FROM order_view GROUP BY status")).isEqualTo(statuses);
                assertThat(query(readDb, "SELECT k, sum(v::bigint) FROM analytics_daily, jsonb_each_text(status_counts) AS s(k, v) "
                        + "WHERE dimension = 'restaurant' GROUP BY k")).isEqualTo(statuses);
                assertThat(query(readDb, "SELECT k, sum(v::bigint) FROM analytics_daily, jsonb_each_text(status_counts) AS s(k, v) "
                        + "WHERE dimension = 'all' GROUP BY k")).as("the all-orders rows").isEqualTo(statuses);
                assertThat(query(readDb, "SELECT 'x', count(*) FROM order_view WHERE restaurant_id = 3 AND restaurant_name <> 'Restaurant 3 (renamed)'"))
                        .isEqualTo(Map.of("x", 0L));
            });
            assertThat(projections.isRunning()).as("no stream thread died on the way").isTrue();
        } finally {
            client.shutdown();
        }
    }

    /** The changes of one order in write order: {table, factory args...}; the final state goes to {@code expected}. */
    private List<Object[]> script(long id, Map<Long, String[]> expected) {
        long restaurant = 1 + random.nextInt(5);
        restaurantOf.put(id, restaurant);
        long driver = 1 + random.nextInt(4);
        int items = 1 + random.nextInt(3);
        List<Object[]> steps = new ArrayList<>();
        List<Object[]> placement = new ArrayList<>();
        placement.add(new Object[] {"orders", id, 1L, "pending", restaurant, null, items});
        for (int i = 1; i <= items; i++) {
            placement.add(new Object[] {"order_items", id * 10 + i, id});
        }
        java.util.Collections.shuffle(placement, random); // items may come before their order
        steps.addAll(placement);
        int last = random.nextInt(LIFECYCLE.size());
        boolean cancel = last < 4 && random.nextInt(3) == 0;
        long version = 1;
        Long assigned = null;
        for (int s = 1; s <= last; s++) {
            version++;
            if (s == 1) {
                assigned = driver;
            }
            steps.add(new Object[] {"orders", id, version, LIFECYCLE.get(s), restaurant, assigned, items});
        }
        String status = LIFECYCLE.get(last);
        if (cancel) {
            version++;
            status = "cancelled";
            steps.add(new Object[] {"orders", id, version, status, restaurant, assigned, items});
        }
        expected.put(id, new String[] {status, Long.toString(version), assigned == null ? "" : assigned.toString()});
        return steps;
    }

    private ChangeEvent realise(Object[] step) {
        if ("order_items".equals(step[0])) {
            return data.item((Long) step[1], (Long) step[2], "Item " + step[1]);
        }
        return data.order((Long) step[1], (Long) step[2], (String) step[3], (Long) step[4], (Long) step[5], (Integer) step[6]);
    }

    /** The change topic of the event's table (orders or order_items here), as cdc-pipeline picks it. */
    private static Topic<Long, ChangeEvent> changeTopic(ProjectionTopics topics, ChangeEvent event) {
        return topics.cdc().forTable(event.table()).orElseThrow();
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, Topic<Long, ChangeEvent> topic, ChangeEvent event) {
        producer.send(new ProducerRecord<>(topic.name(), topic.keySerde().serializer().serialize(topic.name(), event.id()),
                topic.valueSerde().serializer().serialize(topic.name(), event)));
    }

    private static Map<String, Long> query(PostgresEndpoint db, String sql) throws Exception {
        Map<String, Long> rows = new HashMap<>();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getLong(2));
            }
        }
        return rows;
    }
}
