package ge.dms.query;

import com.fasterxml.jackson.databind.JsonNode;
import ge.dms.devstack.infra.Infrastructure;
import ge.dms.devstack.test.TestNamespace;
import ge.dms.devstack.test.WithDevStack;
import ge.dms.query.support.TestStack;
import ge.dms.schemas.serde.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static ge.dms.query.support.TestStack.token;
import static ge.dms.query.support.TestViews.BASE;
import static ge.dms.query.support.TestViews.view;
import static org.assertj.core.api.Assertions.assertThat;

@WithDevStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderApiIT {

    private TestStack stack;

    @BeforeAll
    void start(Infrastructure infra, TestNamespace ns) {
        String redis = infra.endpoints().redisUrl();
        stack = TestStack.start(ns, redis, redis, Map.of("dms.query.consistency-max-wait", "1500ms"));
    }

    @AfterAll
    void stop() {
        stack.close();
    }

    @Test
    void shouldServeTheOrderFromRedisWithItsAge() throws Exception {
        stack.write(view(101, 2, "confirmed", 11, 21L, BASE));

        HttpResponse<String> r = stack.get("/api/orders/101", token("restaurant", 11L));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-Data-Source")).hasValue("redis");
        assertThat(r.headers().firstValueAsLong("X-Data-Age-Ms").orElse(-1)).isGreaterThanOrEqualTo(0);
        JsonNode body = Json.mapper().readTree(r.body());
        assertThat(body.get("status").asText()).isEqualTo("confirmed");
        assertThat(body.get("restaurant").get("name").asText()).isEqualTo("რესტორანი 11");
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/json");
    }

    @Test
    void shouldWaitForTheWriteTokenVersionThenAnswer() throws Exception {
        stack.write(view(102, 1, "pending", 11, null, BASE));

        CompletableFuture<HttpResponse<String>> pending = CompletableFuture.supplyAsync(() ->
                stack.get("/api/orders/102", token("admin", null), "X-Consistency-Token", "order=102;version=2;xid=77"));
        // The write lands after the request started waiting.
        org.awaitility.Awaitility.await().pollDelay(Duration.ofMillis(200)).until(() -> true);
        stack.write(view(102, 2, "confirmed", 11, null, BASE));

        HttpResponse<String> r = pending.get();
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-Consistency")).hasValue("caught-up");
        assertThat(r.headers().firstValue("X-View-Version")).hasValue("2");
        assertThat(Json.mapper().readTree(r.body()).get("status").asText()).isEqualTo("confirmed");
    }

    @Test
    void shouldAnswerWhatItHasMarkedStaleWhenTheViewDoesNotCatchUp() {
        stack.write(view(103, 1, "pending", 11, null, BASE));

        HttpResponse<String> r = stack.get("/api/orders/103?minVersion=5", token("admin", null));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-Consistency")).hasValue("timeout");
        assertThat(r.headers().firstValue("X-Data-Stale")).hasValue("true");
        assertThat(r.headers().firstValue("X-View-Version")).hasValue("1");
    }

    @Test
    void shouldKeepCallersToTheirOwnOrders() {
        stack.write(view(104, 1, "confirmed", 11, 21L, BASE));

        assertThat(stack.get("/api/orders/104", null).statusCode()).isEqualTo(401);
        assertThat(stack.get("/api/orders/104", "garbage").statusCode()).isEqualTo(401);
        assertThat(stack.get("/api/orders/104", TestStack.token("admin", null, "another-secret-of-at-least-32-bytes!!", Duration.ofHours(1)))
                .statusCode()).isEqualTo(401);
        assertThat(stack.get("/api/orders/104", TestStack.token("admin", null, TestStack.SECRET, Duration.ofSeconds(-5)))
                .statusCode()).isEqualTo(401);
        assertThat(stack.get("/api/orders/104", token("restaurant", 12L)).statusCode()).isEqualTo(403);
        assertThat(stack.get("/api/orders/104", token("driver", 22L)).statusCode()).isEqualTo(403);
        assertThat(stack.get("/api/orders/104", token("driver", 21L)).statusCode()).isEqualTo(200);
        assertThat(stack.get("/api/orders/104", token("restaurant", 11L)).statusCode()).isEqualTo(200);
        assertThat(stack.get("/api/restaurants/12/orders", token("restaurant", 11L)).statusCode()).isEqualTo(403);
        assertThat(stack.get("/api/restaurants/11/orders", token("driver", 21L)).statusCode()).isEqualTo(403);
        assertThat(stack.get("/api/drivers/22/deliveries", token("driver", 21L)).statusCode()).isEqualTo(403);
        assertThat(stack.get("/api/drivers/21/deliveries", token("restaurant", 11L)).statusCode()).isEqualTo(403);
        assertThat(stack.get("/api/drivers/22/events", token("driver", 21L)).statusCode()).isEqualTo(403);
        assertThat(stack.get("/api/analytics/kpis?restaurantId=12", token("restaurant", 11L)).statusCode()).isEqualTo(403);
        assertThat(stack.get("/api/analytics/orders.csv?from=2026-11-01&to=2026-11-02", token("driver", 21L)).statusCode())
                .isEqualTo(403);
    }

    @Test
    void shouldAnswerBadParametersWithProblemBodies() throws Exception {
        String admin = token("admin", null);
        for (String path : new String[] {"/api/restaurants/11/orders?from=yesterday", "/api/restaurants/11/orders?cursor=%25%25",
                "/api/restaurants/11/orders?cursor=bm9wZQ", "/api/restaurants/11/orders?limit=0",
                "/api/restaurants/11/orders?limit=100000", "/api/restaurants/11/orders?status=lost",
                "/api/restaurants/11/orders?from=2026-11-05&to=2026-11-01", "/api/orders/104?minVersion=abc",
                "/api/orders/search?q=", "/api/analytics/kpis?from=2026-13-01", "/api/analytics/orders.csv?from=2026-11-01",
                "/api/drivers/21/events?after=not-a-cursor"}) {
            HttpResponse<String> r = stack.get(path, admin);
            assertThat(r.statusCode()).as(path).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as(path).contains("application/problem+json");
            JsonNode problem = Json.mapper().readTree(r.body());
            assertThat(problem.get("status").asInt()).as(path).isEqualTo(400);
            assertThat(problem.get("type").asText()).as(path).startsWith("https://dms.ge/problems/");
        }
        assertThat(stack.get("/api/orders/999999", admin).statusCode()).isEqualTo(404);
    }

    @Test
    void shouldServeTheOpenApiDocumentWithoutAToken() {
        HttpResponse<String> r = stack.get("/openapi.yml", null);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).startsWith("openapi: 3.1.0").contains("/api/restaurants/{id}/orders");
    }

    @Test
    void shouldServeTheDriversActiveQueue() throws Exception {
        stack.write(view(105, 1, "confirmed", 13, 23L, BASE), view(106, 1, "ready", 13, 23L, BASE.plusSeconds(1)),
                view(107, 1, "delivered", 13, 23L, BASE.plusSeconds(2)), view(108, 1, "ready", 13, 24L, BASE));

        HttpResponse<String> r = stack.get("/api/drivers/23/deliveries", token("driver", 23L));

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode orders = Json.mapper().readTree(r.body()).get("orders");
        assertThat(orders).hasSize(2);
        assertThat(orders.get(0).get("orderId").asLong()).isEqualTo(105);
        assertThat(orders.get(1).get("orderId").asLong()).isEqualTo(106);
    }

    @Test
    void shouldFindOrdersByReferenceAndRestaurantNameWithTypos() throws Exception {
        stack.write(view(109, 1, "pending", 14, null, BASE, "ხინკლის სახლი", null, null),
                view(110, 1, "pending", 15, null, BASE, "Pizza Napoli", null, null));
        String admin = token("admin", null);

        assertThat(ids(stack.get("/api/orders/search?q=ORD-2026-000109", admin))).startsWith(109L);
        assertThat(ids(stack.get("/api/orders/search?q=" + enc("ხინკლის"), admin))).containsExactly(109L);
        assertThat(ids(stack.get("/api/orders/search?q=" + enc("Piza Napoli"), admin))).containsExactly(110L);
        assertThat(ids(stack.get("/api/orders/search?q=" + enc("Pizza"), token("restaurant", 14L)))).isEmpty();
    }

    private static java.util.List<Long> ids(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        java.util.List<Long> ids = new java.util.ArrayList<>();
        Json.mapper().readTree(r.body()).get("orders").forEach(o -> ids.add(o.get("orderId").asLong()));
        return ids;
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
