package ge.dms.devstack.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import ge.dms.devstack.tokens.DevTokens;
import ge.dms.devstack.test.WithDevStack;
import ge.dms.schemas.serde.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One correlation id followed through the whole platform (the four services as their own JVMs, {@link SharedPlatform},
 * logging JSON lines with the {@code ge.dms.trace} lines on): a change made with {@code X-Request-Id} reaches the
 * driver's socket message with that id, in the message and in the order view it carries, and a log line of each of
 * the four services names it in its {@code requestId} field, with the order in {@code orderId}.
 */
@WithDevStack
@ExtendWith(SharedPlatform.Extension.class)
class CorrelationIT {

    private static final Duration DELIVERY = Duration.ofSeconds(60);
    private static final List<String> SERVICES = List.of("command-api", "cdc-pipeline", "projections", "query-api");

    @Test
    void shouldCarryTheRequestIdFromTheCommandToTheDriversSocketAndIntoEveryServicesLog(SharedPlatform shared) throws Exception {
        Platform platform = shared.platform();
        long driver = shared.demo().driverIds().getFirst();
        String admin = DevTokens.mint(shared.secret(), "admin", null);
        CommandClient commands = new CommandClient(platform.commandApi());
        String requestId = "abc-" + UUID.randomUUID(); // unique per run: no earlier run's line can match
        long order = commands.place(DevTokens.mint(shared.secret(), "restaurant", shared.demo().restaurantIds().getFirst()),
                DemoProducts.anyActive(shared.infrastructure().endpoints().writeDatabase())).path("id").asLong();
        long confirmed = commands.act(order, "confirm", 1, admin, null);

        try (LiveSocket phone = LiveSocket.open(platform.queryApi(), driver, DevTokens.mint(shared.secret(), "driver", driver), null, DELIVERY)) {
            HttpResponse<String> assigned = commands.act(order, "assign-driver", confirmed, admin, "{\"driverId\":" + driver + "}", requestId);

            assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);
            assertThat(assigned.headers().firstValue("X-Request-Id")).contains(requestId);
            long version = Json.mapper().readTree(assigned.body()).path("version").asLong();
            await().atMost(DELIVERY).until(() -> phone.changes().stream()
                    .anyMatch(c -> c.path("orderId").asLong() == order && c.path("version").asLong() == version));
            JsonNode message = phone.changes().stream()
                    .filter(c -> c.path("orderId").asLong() == order && c.path("version").asLong() == version).findFirst().orElseThrow();
            assertThat(message.path("requestId").asText()).as("the socket message").isEqualTo(requestId);
            assertThat(message.path("order").path("requestId").asText()).as("the view it carries").isEqualTo(requestId);
        }
        assertThat(new QueryClient(platform.queryApi()).get("/api/orders/" + order, admin).path("requestId").asText())
                .as("the order view served by the query API").isEqualTo(requestId);

        // Log lines are written as the change passes; the last service may flush a moment after the socket message.
        await().atMost(DELIVERY).untilAsserted(() -> {
            for (String service : SERVICES) {
                List<JsonNode> lines = linesOf(shared.logs().resolve(service + ".log"), requestId);
                assertThat(lines).as("%s log lines with requestId %s", service, requestId).isNotEmpty();
                assertThat(lines).as(service).allSatisfy(line -> assertThat(line.path("service").asText()).isEqualTo(service));
                assertThat(lines).as("%s lines naming the order", service)
                        .anyMatch(line -> line.path("orderId").asText().equals(Long.toString(order)));
            }
        });
    }

    /** The JSON log events of {@code file} whose {@code requestId} field is {@code requestId} (other lines: the JVM's). */
    private static List<JsonNode> linesOf(Path file, String requestId) throws IOException {
        return Files.readAllLines(file).stream().filter(line -> line.startsWith("{")).map(CorrelationIT::json)
                .filter(event -> requestId.equals(event.path("requestId").asText(null))).toList();
    }

    private static JsonNode json(String line) {
        try {
            return Json.mapper().readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("not a JSON log line: " + line, e);
        }
    }

}
