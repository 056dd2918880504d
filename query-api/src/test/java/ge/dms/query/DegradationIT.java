package ge.dms.query;

import com.fasterxml.jackson.databind.JsonNode;
import ge.dms.devstack.infra.DataDirectory;
import ge.dms.devstack.infra.EmbeddedRedisServer;
import ge.dms.devstack.infra.FreePorts;
import ge.dms.devstack.test.TestNamespace;
import ge.dms.devstack.test.WithDevStack;
import ge.dms.query.support.LiveClient;
import ge.dms.query.support.TestStack;
import ge.dms.schemas.serde.Json;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static ge.dms.query.support.TestStack.token;
import static ge.dms.query.support.TestViews.BASE;
import static ge.dms.query.support.TestViews.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Redis down: answers come from the read-side PostgreSQL with their age; both down: 503 problem bodies. */
@WithDevStack
class DegradationIT {

    private static String closedPortRedis() {
        return "redis://127.0.0.1:" + FreePorts.next(); // nothing listens there
    }

    @Test
    void shouldAnswerFromTheReadSideWhenRedisIsUnreachable(TestNamespace ns) throws Exception {
        try (TestStack stack = TestStack.start(ns, closedPortRedis(), null, Map.of())) {
            stack.writeReadSide(List.of(view(7101, 4, "ready", 71, 81L, BASE), view(7102, 1, "pending", 71, null, BASE.plusSeconds(1))));
            String admin = token("admin", null);

            HttpResponse<String> order = stack.get("/api/orders/7101", admin);
            assertThat(order.statusCode()).isEqualTo(200);
            assertThat(order.headers().firstValue("X-Data-Source")).hasValue("read-store; redis-unavailable");
            assertThat(order.headers().firstValueAsLong("X-Data-Age-Ms").orElse(-1)).isGreaterThanOrEqualTo(0);
            assertThat(Json.mapper().readTree(order.body()).get("status").asText()).isEqualTo("ready");

            HttpResponse<String> board = stack.get("/api/restaurants/71/orders?limit=1", admin);
            assertThat(board.statusCode()).isEqualTo(200);
            assertThat(board.headers().firstValue("X-Data-Source")).hasValue("read-store; redis-unavailable");
            JsonNode page = Json.mapper().readTree(board.body());
            assertThat(page.get("orders").get(0).get("orderId").asLong()).isEqualTo(7102);
            HttpResponse<String> second = stack.get("/api/restaurants/71/orders?limit=1&cursor=" + page.get("nextCursor").asText(), admin);
            assertThat(Json.mapper().readTree(second.body()).get("orders").get(0).get("orderId").asLong()).isEqualTo(7101);

            HttpResponse<String> queue = stack.get("/api/drivers/81/deliveries", token("driver", 81L));
            assertThat(queue.statusCode()).isEqualTo(200);
            assertThat(Json.mapper().readTree(queue.body()).get("orders")).hasSize(1);

            assertThat(stack.get("/api/drivers/81/events", token("driver", 81L)).statusCode()).isEqualTo(503);

            HttpResponse<String> health = stack.get("/health/readiness", null);
            assertThat(health.statusCode()).as("still ready: the read side serves").isEqualTo(200);
            assertThat(Json.mapper().readTree(health.body()).get("redis").asText()).isEqualTo("DOWN");
        }
    }

    @Test
    void shouldAnswer503WhenRedisAndTheReadSideAreBothDown(TestNamespace ns) throws Exception {
        String deadDb = "jdbc:postgresql://127.0.0.1:" + FreePorts.next() + "/none";
        try (TestStack stack = TestStack.start(ns, closedPortRedis(), null, Map.of("DMS_READ_POSTGRES_URL", deadDb))) {
            HttpResponse<String> r = stack.get("/api/orders/1", token("admin", null));

            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
            assertThat(Json.mapper().readTree(r.body()).get("type").asText()).endsWith("/unavailable");
            assertThat(stack.get("/api/restaurants/1/orders", token("admin", null)).statusCode()).isEqualTo(503);
            assertThat(stack.get("/health/readiness", null).statusCode()).isEqualTo(503);
            assertThat(stack.get("/health/liveness", null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void shouldFallBackWhenRedisStopsWhileServingAndCloseLiveSockets(TestNamespace ns) throws Exception {
        EmbeddedRedisServer redis = EmbeddedRedisServer.start(DataDirectory.temporary("query-api-degrade"));
        boolean redisClosed = false;
        try (TestStack stack = TestStack.start(ns, redis.url(), redis.url(), Map.of())) {
            stack.write(view(7201, 2, "confirmed", 72, 82L, BASE));
            String admin = token("admin", null);
            assertThat(stack.get("/api/orders/7201", admin).headers().firstValue("X-Data-Source")).hasValue("redis");
            URI live = URI.create(stack.uri("/api/drivers/82/live").toString().replaceFirst("^http", "ws"));
            try (LiveClient client = LiveClient.connect(stack.http(), live, token("driver", 82L), true)) {
                assertThat(client.next(Duration.ofSeconds(10)).get("type").asText()).isEqualTo("hello");

                redis.close();
                redisClosed = true;

                await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                        assertThat(stack.get("/api/orders/7201", admin).headers().firstValue("X-Data-Source"))
                                .hasValue("read-store; redis-unavailable"));
                assertThat(client.closed.get(15, TimeUnit.SECONDS)).isEqualTo(1013);
            }
        } finally {
            if (!redisClosed) {
                redis.close();
            }
        }
    }
}
