package ge.dms.query;

import com.fasterxml.jackson.databind.JsonNode;
import ge.dms.devstack.infra.Infrastructure;
import ge.dms.devstack.test.TestNamespace;
import ge.dms.devstack.test.WithDevStack;
import ge.dms.query.support.TestStack;
import ge.dms.schemas.serde.Json;
import ge.dms.schemas.view.OrderView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static ge.dms.query.support.TestStack.token;
import static ge.dms.query.support.TestViews.BASE;
import static ge.dms.query.support.TestViews.view;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walking a board of 1,000 orders by cursor returns each exactly once, newest first, while orders keep changing;
 * Redis and the read side answer the same board rows.
 */
@WithDevStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoardPaginationIT {

    private static final long RESTAURANT = 31;
    private static final int ORDERS = 1000;
    private TestStack stack;

    @BeforeAll
    void start(Infrastructure infra, TestNamespace ns) {
        String redis = infra.endpoints().redisUrl();
        stack = TestStack.start(ns, redis, redis, Map.of());
        List<OrderView> views = new ArrayList<>();
        for (long id = 1; id <= ORDERS; id++) {
            views.add(view(id, 1, "pending", RESTAURANT, id % 3 == 0 ? 41L : null, created(id)));
        }
        for (OrderView v : views) {
            stack.redisWriter().apply(v);
        }
        stack.writeReadSide(views);
    }

    /** Every fifth millisecond holds three orders, so pages end inside groups of equal creation times. */
    private static Instant created(long id) {
        return BASE.plusMillis(id - id % 3);
    }

    @AfterAll
    void stop() {
        stack.close();
    }

    @Test
    void shouldWalkEveryOrderExactlyOnceFromRedisWhileOrdersChange() throws Exception {
        List<Long> seen = walk("/api/restaurants/31/orders?limit=37", "redis", true);

        assertThat(seen).hasSize(ORDERS).doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen)).hasSize(ORDERS);
        assertDescending(seen);
    }

    /** Prints first-page times of the 1,000-order board on this machine; asserts nothing about speed. */
    @Test
    void shouldMeasureTheFirstPage() {
        String admin = token("admin", null);
        for (String source : new String[] {"", "&driverId=41"}) {
            long[] micros = new long[50];
            for (int i = 0; i < micros.length; i++) {
                long start = System.nanoTime();
                assertThat(stack.get("/api/restaurants/31/orders?limit=100" + source, admin).statusCode()).isEqualTo(200);
                micros[i] = (System.nanoTime() - start) / 1000;
            }
            java.util.Arrays.sort(micros);
            System.out.printf("board first page of 100 (%s, n=%d): p50 %.2f ms, max %.2f ms%n",
                    source.isEmpty() ? "redis" : "read side", micros.length, micros[micros.length / 2] / 1000.0,
                    micros[micros.length - 1] / 1000.0);
        }
    }

    @Test
    void shouldWalkOneStatusFromRedis() throws Exception {
        Set<Long> ready = new HashSet<>();
        for (long id = 500; id < 560; id++) {
            stack.redisWriter().apply(view(id, 100, "ready", RESTAURANT, null, created(id)));
            ready.add(id);
        }
        List<Long> seen = walk("/api/restaurants/31/orders?status=ready&limit=7", "redis", false);

        assertThat(seen).doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen)).isEqualTo(ready);
    }

    @Test
    void shouldWalkTheReadSideByDriverAndDateRange() throws Exception {
        Instant from = created(300);
        Instant to = created(600);
        List<Long> seen = walk("/api/restaurants/31/orders?driverId=41&limit=9&from=" + from + "&to=" + to, "read-store", false);

        List<Long> expected = new ArrayList<>();
        for (long id = ORDERS; id >= 1; id--) {
            if (id % 3 == 0 && !created(id).isBefore(from) && created(id).isBefore(to)) {
                expected.add(id);
            }
        }
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void shouldAnswerTheSameBoardRowsFromRedisAndTheReadSide() throws Exception {
        List<OrderView> views = new ArrayList<>();
        for (long id = 3201; id <= 3230; id++) {
            views.add(view(id, 1 + id % 4, id % 2 == 0 ? "pending" : "confirmed", 32, 42L, created(id)));
        }
        stack.write(views.toArray(OrderView[]::new));
        String admin = token("admin", null);

        HttpResponse<String> redis = stack.get("/api/restaurants/32/orders?limit=50", admin);
        HttpResponse<String> readSide = stack.get("/api/restaurants/32/orders?limit=50&driverId=42", admin);

        assertThat(redis.headers().firstValue("X-Data-Source")).hasValue("redis");
        assertThat(readSide.headers().firstValue("X-Data-Source")).hasValue("read-store");
        JsonNode fromRedis = Json.mapper().readTree(redis.body()).get("orders");
        assertThat(fromRedis).hasSize(30);
        assertThat(fromRedis).isEqualTo(Json.mapper().readTree(readSide.body()).get("orders"));
        JsonNode first = fromRedis.get(0);
        assertThat(first.get("orderId").asLong()).isEqualTo(3230);
        assertThat(first.get("restaurantName").asText()).isEqualTo("რესტორანი 32");
        assertThat(first.get("driverName").asText()).isEqualTo("მძღოლი 42");
        assertThat(first.get("totalAmount").asText()).isEqualTo("25.50");
        assertThat(first.has("items")).as("board rows carry no items").isFalse();
        for (HttpResponse<String> r : List.of(redis, readSide)) {
            assertThat(Long.parseLong(r.headers().firstValue("X-Data-Age-Ms").orElseThrow())).isBetween(0L, 60_000L);
        }
    }

    @Test
    void shouldDeriveARowTheBoardHashDoesNotHoldFromTheView() throws Exception {
        OrderView held = view(3301, 1, "pending", 33, null, created(3301));
        stack.write(held, view(3302, 1, "pending", 33, null, created(3302)));
        String admin = token("admin", null);
        String before = stack.get("/api/restaurants/33/orders", admin).body();

        stack.redis().sync().hdel(stack.keys.restaurantBoard(33), "3301"); // as written before board rows existed

        String after = stack.get("/api/restaurants/33/orders", admin).body();
        assertThat(Json.mapper().readTree(after)).isEqualTo(Json.mapper().readTree(before));
        assertThat(Json.mapper().readTree(after).get("orders")).hasSize(2);
    }

    @Test
    void shouldDropARowWhoseStatusChangedAfterTheIndexWasRead() throws Exception {
        stack.write(view(3401, 1, "pending", 34, null, created(3401)), view(3402, 2, "confirmed", 34, null, created(3402)));
        // The state a reader can meet between the index read and the HMGET: still in the pending set, row already confirmed.
        stack.redis().sync().zadd(stack.keys.restaurantStatus(34, "pending"), created(3402).toEpochMilli(), "3402");

        HttpResponse<String> r = stack.get("/api/restaurants/34/orders?status=pending", token("restaurant", 34L));

        List<Long> ids = new ArrayList<>();
        Json.mapper().readTree(r.body()).get("orders").forEach(o -> ids.add(o.get("orderId").asLong()));
        assertThat(ids).containsExactly(3401L);
    }

    private List<Long> walk(String firstPage, String source, boolean changeWhileWalking) throws Exception {
        String admin = token("admin", null);
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        int page = 0;
        do {
            HttpResponse<String> r = stack.get(firstPage + (cursor == null ? "" : "&cursor=" + cursor), admin);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(r.headers().firstValue("X-Data-Source")).hasValue(source);
            JsonNode body = Json.mapper().readTree(r.body());
            body.get("orders").forEach(o -> seen.add(o.get("orderId").asLong()));
            cursor = body.get("nextCursor").isNull() ? null : body.get("nextCursor").asText();
            if (changeWhileWalking) {
                // Status changes of orders behind and ahead of the cursor, and a brand-new order (newer than all).
                long id = 1 + (page * 53L) % ORDERS;
                stack.redisWriter().apply(view(id, 2 + page, "confirmed", RESTAURANT, null, created(id)));
                stack.redisWriter().apply(view(ORDERS + 1000 + page, 1, "pending", RESTAURANT, null, Instant.now()));
            }
            page++;
        } while (cursor != null && page < 1000);
        if (changeWhileWalking) {
            seen.removeIf(id -> id > ORDERS); // new orders land before the first page, never inside the walk
        }
        return seen;
    }

    private static void assertDescending(List<Long> ids) {
        for (int i = 1; i < ids.size(); i++) {
            long a = ids.get(i - 1);
            long b = ids.get(i);
            assertThat(created(a).isAfter(created(b)) || (created(a).equals(created(b)) && a > b))
                    .as("%d before %d", a, b).isTrue();
        }
    }
}
