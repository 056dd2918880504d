package ge.dms.devstack.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import ge.dms.devstack.infra.Infrastructure;
import ge.dms.devstack.infra.PostgresEndpoint;
import ge.dms.devstack.launcher.check.ViewCheck;
import ge.dms.devstack.launcher.demo.DemoData;
import ge.dms.devstack.test.WithDevStack;
import ge.dms.devstack.tokens.DevTokens;
import ge.dms.schemas.view.RedisKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The production shape: every service started from its runnable jar with {@code java -jar},
 * configured by environment variables alone, each its own process, two query API instances as
 * behind a load balancer and two projections instances (one standby replica). A driver connected
 * to each query API gets the change an admin makes through the command API; one projections instance
 * is killed with SIGKILL while orders keep coming, the other takes its partitions over and alone
 * brings the views exactly to what the write side has (the check {@code ./dev check-views} runs);
 * the killed one starts again and rejoins.
 *
 * <p>Runs in a failsafe execution of its own (see the launcher pom), so in a JVM with servers of
 * its own: the platform the other ITs share would fight it over the replication slot, the topics
 * and the Redis keys.
 */
@WithDevStack
@EnabledIfSystemProperty(named = "dms.it.production-topology", matches = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProductionTopologyIT {

    private static final Logger LOG = LoggerFactory.getLogger(ProductionTopologyIT.class);
    private static final Duration DELIVERY = Duration.ofSeconds(60);
    private static final Duration CONVERGENCE = Duration.ofMinutes(5);

    private Platform platform;
    private Path logs;
    private CommandClient commands;
    private String admin;
    private String restaurant;
    private String driverToken;
    private long driverId;
    private long productId;

    @BeforeAll
    void startFromTheJars(Infrastructure infrastructure) throws Exception {
        long started = System.nanoTime();
        String secret = DevTokens.randomSecret();
        Path state = Files.createTempDirectory("dms-production-topology-it-");
        logs = state.resolve("logs");
        platform = Platform.start(infrastructure.endpoints(), secret, DevSecret.projectRoot(), logs, state,
                new Platform.Ports(-1, -1), Platform.Launch.JARS, 2, Map.of("DMS_PROJECTIONS_STANDBY_REPLICAS", "1"));
        LOG.info("platform started from the jars in {} s; logs in {}", seconds(started), state.resolve("logs"));
        PostgresEndpoint write = infrastructure.endpoints().writeDatabase();
        DemoData.Summary demo = DemoData.load(write.jdbcUrl(), write.user(), write.password());
        driverId = demo.driverIds().getFirst();
        productId = DemoProducts.anyActive(write);
        admin = DevTokens.mint(secret, "admin", null);
        restaurant = DevTokens.mint(secret, "restaurant", demo.restaurantIds().getFirst());
        driverToken = DevTokens.mint(secret, "driver", driverId);
        commands = new CommandClient(platform.commandApi());
    }

    @AfterAll
    void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void shouldServeTheDriverFromEitherQueryApiAndMoveAKilledProjectionsInstancesPartitionsToTheOther(Infrastructure infrastructure)
            throws Exception {
        List<URI> queryApis = platform.queryApis();
        assertThat(queryApis).hasSize(2);
        assertThat(platform.projectionsInstances()).containsOnlyKeys("projections", "projections-2");
        List<LiveSocket> phones = queryApis.stream().map(api -> LiveSocket.open(api, driverId, driverToken, null, DELIVERY)).toList();
        try {
            long first = assignedOrder();
            awaitOnEveryPhone(phones, first, commands.act(first, "start-preparing", 3, admin, null));

            long killedAt = System.nanoTime();
            try (OrderTraffic traffic = OrderTraffic.start(this::assignedOrder, 400)) {
                await().atMost(DELIVERY).until(() -> traffic.placed() >= 20);
                platform.killProjections(); // kill -9 of one of the two instances while orders keep coming
                await().atMost(DELIVERY).until(() -> traffic.placed() >= 80);
                LOG.info("{} orders placed in the {} s after the kill", traffic.placed(), seconds(killedAt));
            }

            // The survivor alone brings every view up to date: the killed instance's partitions moved to it.
            await().atMost(CONVERGENCE).pollInterval(Duration.ofSeconds(3)).untilAsserted(() ->
                    assertThat(drift(infrastructure)).as("views that differ from the write side").isEmpty());
            LOG.info("zero drift {} s after the kill, one projections instance running", seconds(killedAt));
            long during = assignedOrder();
            awaitOnEveryPhone(phones, during, commands.act(during, "start-preparing", 3, admin, null));

            platform.startProjections(); // it rejoins and the tasks are spread over both again
            long last = assignedOrder();
            awaitOnEveryPhone(phones, last, commands.act(last, "start-preparing", 3, admin, null));
            await().atMost(CONVERGENCE).pollInterval(Duration.ofSeconds(3)).untilAsserted(() ->
                    assertThat(drift(infrastructure)).as("views that differ from the write side").isEmpty());
        } finally {
            phones.forEach(LiveSocket::close);
        }
    }

    @Test
    void shouldLogJsonLinesThatNameTheService() throws Exception {
        // Production mode (the jars, no DMS_LOG_FORMAT): one JSON object per log event, for a log shipper.
        for (String service : List.of("command-api", "cdc-pipeline", "projections", "projections-2", "query-api", "query-api-2")) {
            List<String> lines = Files.readAllLines(logs.resolve(service + ".log"));
            List<JsonNode> events = lines.stream().filter(l -> l.startsWith("{")).map(ProductionTopologyIT::json).toList();
            assertThat(events).as(service + " log events").isNotEmpty().allSatisfy(e -> {
                assertThat(e.path("service").asText()).isEqualTo(service.replace("-2", ""));
                assertThat(e.path("level").asText()).isIn("TRACE", "DEBUG", "INFO", "WARN", "ERROR");
                assertThat(e.path("@timestamp").asText()).isNotBlank();
                assertThat(e.has("message")).isTrue();
            });
            // Nothing logged in the readable format (what ./dev up writes): only the JVM's own warnings are not JSON.
            assertThat(lines).as(service + " text log lines").noneMatch(l -> l.matches("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} .*"));
        }
    }

    private static JsonNode json(String line) {
        try {
            return ge.dms.schemas.serde.Json.mapper().readTree(line);
        } catch (java.io.IOException e) {
            throw new AssertionError("not a JSON log line: " + line, e);
        }
    }

    private void awaitOnEveryPhone(List<LiveSocket> phones, long orderId, long version) {
        for (LiveSocket phone : phones) {
            await().atMost(DELIVERY).until(() -> phone.changes().stream()
                    .anyMatch(change -> change.path("orderId").asLong() == orderId && change.path("version").asLong() == version));
            JsonNode change = phone.changes().stream().filter(c -> c.path("orderId").asLong() == orderId).toList().getLast();
            assertThat(change.path("order").path("driverId").asLong()).isEqualTo(driverId);
        }
    }

    /** What {@code ./dev check-views} reports. */
    private static List<ViewCheck.Drift> drift(Infrastructure infrastructure) throws Exception {
        PostgresEndpoint write = infrastructure.endpoints().writeDatabase();
        PostgresEndpoint read = infrastructure.endpoints().readDatabase();
        return ViewCheck.check(new ViewCheck.Database(write.jdbcUrl(), write.user(), write.password()),
                new ViewCheck.Database(read.jdbcUrl(), read.user(), read.password()),
                infrastructure.endpoints().redisUrl(), new RedisKeys(Platform.REDIS_KEY_PREFIX));
    }

    /** Places an order and brings it to confirmed with this driver assigned (version 3). */
    private long assignedOrder() {
        long orderId = commands.place(restaurant, productId).path("id").asLong();
        long version = commands.act(orderId, "confirm", 1, admin, null);
        commands.act(orderId, "assign-driver", version, admin, "{\"driverId\":" + driverId + "}");
        return orderId;
    }

    private static long seconds(long sinceNanos) {
        return Duration.ofNanos(System.nanoTime() - sinceNanos).toSeconds();
    }

}
