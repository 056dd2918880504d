package ge.dms.devstack.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import ge.dms.bench.data.DataGenerator;
import ge.dms.bench.data.Scale;
import ge.dms.command.demo.DemoData;
import ge.dms.command.security.DevTokens;
import ge.dms.devstack.infra.Infrastructure;
import ge.dms.devstack.infra.PostgresEndpoint;
import ge.dms.devstack.test.WithDevStack;
import ge.dms.projection.check.ViewCheck;
import ge.dms.schemas.view.RedisKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole platform as ./dev up runs it, each service its own JVM: an HTTP command reaches
 * PostgreSQL, Debezium, Kafka, Kafka Streams, Redis and, through the query API, the assigned
 * driver's WebSocket; a driver who missed changes while away gets exactly those on reconnect;
 * 10,000 bulk-loaded orders end up in Redis and the read side exactly as the write side has them.
 */
@WithDevStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlatformIT {

    private static final Duration DELIVERY = Duration.ofSeconds(60);

    private Platform platform;
    private CommandClient commands;
    private String admin;
    private String restaurant;
    private String driverToken;
    private long driverId;
    private long productId;

    @BeforeAll
    void startPlatform(Infrastructure infrastructure) throws Exception {
        String secret = DevTokens.randomSecret();
        Path state = Files.createTempDirectory("dms-platform-it-");
        platform = Platform.start(infrastructure.endpoints(), secret, DevSecret.projectRoot(), state.resolve("logs"), state,
                new Platform.Ports(-1, -1));
        PostgresEndpoint write = infrastructure.endpoints().writeDatabase();
        DemoData.Summary demo = DemoData.load(write.jdbcUrl(), write.user(), write.password());
        long restaurantId = demo.restaurantIds().getFirst();
        driverId = demo.driverIds().getFirst();
        productId = anyActiveProduct(write);
        admin = DevTokens.mint(secret, "admin", null);
        restaurant = DevTokens.mint(secret, "restaurant", restaurantId);
        driverToken = DevTokens.mint(secret, "driver", driverId);
        commands = new CommandClient(platform.commandApi());
    }

    @AfterAll
    void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void shouldPushAStatusChangeMadeThroughTheCommandApiToTheAssignedDriver() {
        try (LiveSocket socket = LiveSocket.connect(platform.queryApi(), driverId, driverToken, null)) {
            await().atMost(DELIVERY).until(socket::saidHello);

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
        try (LiveSocket witness = LiveSocket.connect(platform.queryApi(), driverId, driverToken, null)) {
            await().atMost(DELIVERY).until(witness::saidHello);
            String lastSeen;
            try (LiveSocket phone = LiveSocket.connect(platform.queryApi(), driverId, driverToken, null)) {
                await().atMost(DELIVERY).until(phone::saidHello);
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

            try (LiveSocket back = LiveSocket.connect(platform.queryApi(), driverId, driverToken, lastSeen)) {
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
    void shouldConvergeToZeroDriftAfterTenThousandGeneratedOrders(Infrastructure infrastructure) {
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

    private static long anyActiveProduct(PostgresEndpoint write) throws Exception {
        try (Connection connection = DriverManager.getConnection(write.jdbcUrl(), write.user(), write.password());
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT id FROM products WHERE active AND unit IN ('kg', 'litre') ORDER BY id LIMIT 1")) {
            assertThat(rows.next()).as("an active product sold by weight or volume").isTrue();
            return rows.getLong(1);
        }
    }
}
