package ge.dms.devstack.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import ge.dms.bench.data.DataGenerator;
import ge.dms.bench.data.Scale;
import ge.dms.devstack.infra.Infrastructure;
import ge.dms.devstack.infra.PostgresEndpoint;
import ge.dms.devstack.launcher.check.ViewCheck;
import ge.dms.devstack.launcher.demo.DemoData;
import ge.dms.devstack.test.WithDevStack;
import ge.dms.devstack.tokens.DevTokens;
import ge.dms.schemas.view.RedisKeys;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole platform as ./dev up runs it, each service its own JVM: an HTTP command reaches
 * PostgreSQL, Debezium, Kafka, Kafka Streams, Redis and, through the query API, the assigned
 * driver's WebSocket; a driver who missed changes while away gets exactly those on reconnect;
 * 10,000 bulk-loaded orders end up in Redis and the read side exactly as the write side has them.
 */
@WithDevStack
@ExtendWith(SharedPlatform.Extension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlatformIT {

    private static final Duration DELIVERY = Duration.ofSeconds(60);
    private static final ZoneId TBILISI = ZoneId.of("Asia/Tbilisi");

    private Platform platform;
    private CommandClient commands;
    private QueryClient query;
    private String admin;
    private String restaurant;
    private String driverToken;
    private long driverId;
    private long productId;

    @BeforeAll
    void startPlatform(Infrastructure infrastructure, SharedPlatform shared) throws Exception {
        String secret = shared.secret();
        platform = shared.platform();
        PostgresEndpoint write = infrastructure.endpoints().writeDatabase();
        DemoData.Summary demo = shared.demo();
        long restaurantId = demo.restaurantIds().getFirst();
        driverId = demo.driverIds().getFirst();
        productId = DemoProducts.anyActive(write);
        admin = DevTokens.mint(secret, "admin", null);
        restaurant = DevTokens.mint(secret, "restaurant", restaurantId);
        driverToken = DevTokens.mint(secret, "driver", driverId);
        commands = new CommandClient(platform.commandApi());
        query = new QueryClient(platform.queryApi());
    }

    @Test
    void shouldPushAStatusChangeMadeThroughTheCommandApiToTheAssignedDriver() {
        try (LiveSocket socket = LiveSocket.open(platform.queryApi(), driverId, driverToken, null, DELIVERY)) {

            long orderId = commands.place(restaurant, productId).path("id").asLong();
            long version = commands.act(orderId, "confirm", 1, admin, null);
            version = commands.act(orderId, "assign-driver", version, admin, "{\"driverId\":" + driverId + "}");
            version = commands.act(orderId, "start-preparing", version, admin, null);
            long preparingVersion = version;

            await().atMost(DELIVERY).until(() -> changesOf(socket, orderId).stream()
                    .anyMatch(change -> change.path("version").asLong() == preparingVersion));
            JsonNode preparing = changesOf(socket, orderId).stream()
                    .filter(change -> change.path("version").asLong() == preparingVersion).findFirst().orElseThrow();
            assertThat(preparing.path("status").asText()).isEqualTo("preparing");
            assertThat(preparing.path("order").path("driverId").asLong()).isEqualTo(driverId);
            assertThat(preparing.path("order").path("restaurant").path("name").asText()).isNotBlank();
            assertThat(preparing.path("order").path("items")).hasSize(1);
            assertThat(preparing.path("order").path("notes").asText()).isEqualTo("მეორე სართული");
        }
    }

    @Test
    void shouldReplayExactlyWhatADisconnectedDriverMissedThenContinueLive() {
        try (LiveSocket witness = LiveSocket.open(platform.queryApi(), driverId, driverToken, null, DELIVERY)) {
            String lastSeen;
            try (LiveSocket phone = LiveSocket.open(platform.queryApi(), driverId, driverToken, null, DELIVERY)) {
                long first = assignedOrder();
                await().atMost(DELIVERY).until(() -> !changesOf(phone, first).isEmpty());
                lastSeen = phone.changes().getLast().path("cursor").asText();
            }

            // Away: 34 orders, each assigned, started and made ready: 102 changes for this driver.
            for (int i = 0; i < 34; i++) {
                long orderId = assignedOrder();
                long version = commands.act(orderId, "start-preparing", 3, admin, null);
                commands.act(orderId, "mark-ready", version, admin, null);
            }
            await().atMost(DELIVERY).untilAsserted(() -> assertThat(after(witness.changes(), lastSeen))
                    .as("changes after the phone's last cursor").hasSizeGreaterThanOrEqualTo(102));
            List<String> missed = LiveSocket.cursors(after(witness.changes(), lastSeen));

            try (LiveSocket back = LiveSocket.open(platform.queryApi(), driverId, driverToken, lastSeen, DELIVERY)) {
                await().atMost(DELIVERY).until(() -> back.changes().size() >= missed.size());
                assertThat(LiveSocket.cursors(back.changes())).containsExactlyElementsOf(missed);

                long live = assignedOrder();
                await().atMost(DELIVERY).until(() -> !changesOf(back, live).isEmpty());
                assertThat(LiveSocket.cursors(back.changes())).doesNotHaveDuplicates()
                        .containsExactlyElementsOf(LiveSocket.cursors(after(witness.changes(), lastSeen)).subList(0, back.changes().size()));
            }
        }
    }

    @Test
    void shouldConvergeToZeroDriftAfterTenThousandGeneratedOrders(Infrastructure infrastructure) throws Exception {
        PostgresEndpoint write = infrastructure.endpoints().writeDatabase();
        PostgresEndpoint read = infrastructure.endpoints().readDatabase();
        // Bulk-loaded with COPY, as the benchmark does: lifecycles over 6 months, cancellations, reassignments.
        DataGenerator.load(write.jdbcUrl(), write.user(), write.password(),
                new DataGenerator.Options(new Scale(40, 15, 120, 10_000, 6), 7, Instant.now(), 2_000), written -> { });

        await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(ViewCheck.check(
                        new ViewCheck.Database(write.jdbcUrl(), write.user(), write.password()),
                        new ViewCheck.Database(read.jdbcUrl(), read.user(), read.password()),
                        infrastructure.endpoints().redisUrl(), new RedisKeys(Platform.REDIS_KEY_PREFIX)))
                        .as("views that differ from the write side").isEmpty());

        LocalDate today = LocalDate.now(TBILISI);
        assertKpisEqualSqlOverTheWriteSide(write, today.minusDays(200), today.plusDays(1));
        assertKpisEqualSqlOverTheWriteSide(write, today.minusDays(90), today.minusDays(30));

        // ./dev rebuild-views: everything dropped and rebuilt from Kafka equals what was built live.
        Map<Long, String> live = redisViews(infrastructure, 1, 300);
        assertThat(live).as("views to compare").hasSizeGreaterThan(200);
        platform.rebuildViews();
        await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(ViewCheck.check(
                        new ViewCheck.Database(write.jdbcUrl(), write.user(), write.password()),
                        new ViewCheck.Database(read.jdbcUrl(), read.user(), read.password()),
                        infrastructure.endpoints().redisUrl(), new RedisKeys(Platform.REDIS_KEY_PREFIX)))
                        .as("views that differ from the write side after the rebuild").isEmpty());
        assertThat(redisViews(infrastructure, 1, 300)).isEqualTo(live);
    }

    /** The order view JSON held in Redis for ids [first, last]. */
    private static Map<Long, String> redisViews(Infrastructure infrastructure, long first, long last) {
        RedisClient client = RedisClient.create(infrastructure.endpoints().redisUrl());
        try (StatefulRedisConnection<String, String> redis = client.connect()) {
            RedisKeys keys = new RedisKeys(Platform.REDIS_KEY_PREFIX);
            Map<Long, String> views = new TreeMap<>();
            for (long id = first; id <= last; id++) {
                String json = redis.sync().hget(keys.order(id), "json");
                if (json != null) {
                    views.put(id, json);
                }
            }
            return views;
        } finally {
            client.shutdown();
        }
    }

    /** The query API's 6-month KPIs against the same figures computed by SQL on the write side. */
    private void assertKpisEqualSqlOverTheWriteSide(PostgresEndpoint write, LocalDate from, LocalDate to) throws Exception {
        JsonNode kpis = query.get("/api/analytics/kpis?from=" + from + "&to=" + to, admin);
        String range = " WHERE (created_at AT TIME ZONE 'Asia/Tbilisi')::date >= '" + from
                + "' AND (created_at AT TIME ZONE 'Asia/Tbilisi')::date < '" + to + "'";
        try (Connection connection = DriverManager.getConnection(write.jdbcUrl(), write.user(), write.password());
             Statement statement = connection.createStatement()) {
            try (ResultSet totals = statement.executeQuery("""
                    SELECT count(*), coalesce(sum(total_amount) FILTER (WHERE status = 'delivered'), 0),
                           count(*) FILTER (WHERE status = 'delivered'),
                           count(*) FILTER (WHERE status = 'delivered' AND delivered_at <= requested_delivery_at)
                    FROM orders""" + range)) {
                totals.next();
                assertThat(kpis.path("orders").asLong()).as("orders").isEqualTo(totals.getLong(1));
                assertThat(new java.math.BigDecimal(kpis.path("revenue").path("total").asText())).as("revenue").isEqualByComparingTo(totals.getBigDecimal(2));
                assertThat(kpis.path("revenue").path("deliveredOrders").asLong()).as("delivered").isEqualTo(totals.getLong(3));
                assertThat(kpis.path("onTime").path("onTime").asLong()).as("on time").isEqualTo(totals.getLong(4));
            }
            Map<String, Long> statuses = new TreeMap<>();
            try (ResultSet rows = statement.executeQuery("SELECT status, count(*) FROM orders" + range + " GROUP BY status")) {
                while (rows.next()) {
                    statuses.put(rows.getString(1), rows.getLong(2));
                }
            }
            Map<String, Long> served = new TreeMap<>();
            kpis.path("statusDistribution").properties().forEach(e -> served.put(e.getKey(), e.getValue().asLong()));
            served.values().removeIf(count -> count == 0);
            assertThat(served).as("status distribution").isEqualTo(statuses);
        }
    }

    /** Places an order and brings it to confirmed with this driver assigned (version 3). */
    private long assignedOrder() {
        long orderId = commands.place(restaurant, productId).path("id").asLong();
        long version = commands.act(orderId, "confirm", 1, admin, null);
        commands.act(orderId, "assign-driver", version, admin, "{\"driverId\":" + driverId + "}");
        return orderId;
    }

    private static List<JsonNode> changesOf(LiveSocket socket, long orderId) {
        return socket.changes().stream().filter(change -> change.path("orderId").asLong() == orderId).toList();
    }

    private static List<JsonNode> after(List<JsonNode> changes, String cursor) {
        int index = LiveSocket.cursors(changes).indexOf(cursor);
        return changes.subList(index + 1, changes.size());
    }

}
