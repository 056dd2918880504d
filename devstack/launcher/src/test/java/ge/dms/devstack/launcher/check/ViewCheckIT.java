package ge.dms.devstack.launcher.check;

import ge.dms.devstack.infra.Infrastructure;
import ge.dms.devstack.infra.PostgresEndpoint;
import ge.dms.devstack.test.TestNamespace;
import ge.dms.devstack.test.WithDevStack;
import ge.dms.projection.Projections;
import ge.dms.projection.ProjectionsConfig;
import ge.dms.projection.TestData;
import ge.dms.schemas.ProjectionTopics;
import ge.dms.schemas.Topic;
import ge.dms.schemas.cdc.ChangeEvent;
import ge.dms.schemas.view.RedisKeys;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The consistency check against a stand-in write side: a minimal {@code orders} table (the columns
 * the check reads, as command-api defines them) filled with the same rows the change events carry.
 */
@WithDevStack
class ViewCheckIT {

    @Test
    void shouldReportNoDriftWhenViewsMatchAndEveryDifferenceWhenTheyDoNot(Infrastructure infra, TestNamespace ns,
                                                                          @TempDir Path stateDir) throws Exception {
        PostgresEndpoint writeDb = ns.writeDatabase();
        PostgresEndpoint readDb = ns.readDatabase();
        ProjectionTopics topics = ProjectionTopics.withPrefix(ns.topicPrefix());
        ProjectionsConfig config = ProjectionsConfig.of(infra.endpoints().kafkaBootstrap(), infra.endpoints().redisUrl(),
                        readDb.jdbcUrl(), readDb.user(), readDb.password())
                .withNamespace(ns.topicPrefix(), ns.applicationId("check"), ns.redisKeyPrefix(), stateDir)
                // One partition: this test sends items keyed by their own id, not on their order's partition as cdc-pipeline does.
                .withPartitions(1);
        var write = new ViewCheck.Database(writeDb.jdbcUrl(), writeDb.user(), writeDb.password());
        var read = new ViewCheck.Database(readDb.jdbcUrl(), readDb.user(), readDb.password());
        RedisKeys keys = new RedisKeys(ns.redisKeyPrefix());
        TestData data = new TestData();
        execute(writeDb, "CREATE TABLE orders (id bigint PRIMARY KEY, restaurant_id bigint, driver_id bigint, status text, "
                + "version bigint, total_amount numeric(14, 2), item_count int, created_at timestamptz)");

        try (Projections projections = Projections.start(config)) {
            assertThat(projections).isNotNull();
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.endpoints().kafkaBootstrap());
            try (var producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
                send(producer, topics.cdc().restaurants(), data.restaurant(7, "R"));
                for (long id = 1; id <= 10; id++) {
                    String status = id % 3 == 0 ? "delivered" : "pending";
                    Long driver = id % 3 == 0 ? 3L : null;
                    long version = id % 3 == 0 ? 5 : 1;
                    ChangeEvent order = data.order(id, version, status, 7, driver, 1);
                    send(producer, topics.cdc().orderItems(), data.item(id * 10, id, "Bread"));
                    send(producer, topics.cdc().orders(), order);
                    insert(writeDb, order.after());
                }
            }
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> ViewCheck.check(write, read, infra.endpoints().redisUrl(), keys).isEmpty());

            execute(writeDb, "UPDATE orders SET status = 'confirmed', version = 2 WHERE id = 1");
            List<ViewCheck.Drift> drift = ViewCheck.check(write, read, infra.endpoints().redisUrl(), keys);

            assertThat(drift).extracting(ViewCheck.Drift::subject).containsOnly("order 1");
            assertThat(drift).extracting(ViewCheck.Drift::where)
                    .containsExactlyInAnyOrder("read-side [status, version]", "redis [status, version]");

            execute(readDb, "UPDATE analytics_daily SET delivered_count = delivered_count + 1 WHERE dimension = 'all'");
            List<ViewCheck.Drift> analytics = ViewCheck.check(write, read, infra.endpoints().redisUrl(), keys).stream()
                    .filter(d -> d.subject().startsWith("analytics")).toList();
            assertThat(analytics).as("the all-orders row is checked against the write side").singleElement()
                    .satisfies(d -> assertThat(d.subject()).startsWith("analytics all-orders day "))
                    .satisfies(d -> assertThat(d.actual()).isEqualTo("10 4 " + d.expected().split(" ")[2]));
        }
    }

    private static void insert(PostgresEndpoint db, Map<String, Object> row) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             PreparedStatement ps = c.prepareStatement("INSERT INTO orders VALUES (?, ?, ?, ?, ?, ?::numeric, ?, ?)")) {
            ps.setLong(1, ((Number) row.get("id")).longValue());
            ps.setLong(2, ((Number) row.get("restaurant_id")).longValue());
            ps.setObject(3, row.get("driver_id"));
            ps.setString(4, (String) row.get("status"));
            ps.setLong(5, ((Number) row.get("version")).longValue());
            ps.setString(6, (String) row.get("total_amount"));
            ps.setInt(7, ((Number) row.get("item_count")).intValue());
            ps.setObject(8, OffsetDateTime.parse((String) row.get("created_at")));
            ps.executeUpdate();
        }
    }

    private static void execute(PostgresEndpoint db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password()); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, Topic<Long, ChangeEvent> topic, ChangeEvent event) {
        producer.send(new ProducerRecord<>(topic.name(), topic.keySerde().serializer().serialize(topic.name(), event.id()),
                topic.valueSerde().serializer().serialize(topic.name(), event)));
    }
}
