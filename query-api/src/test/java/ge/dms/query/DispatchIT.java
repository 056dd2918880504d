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
 * The dispatcher queue ({@code GET /api/dispatch/orders}): 1,000 pending orders across ten restaurants walked by
 * cursor from Redis while orders change, every order once; the named queues in one call each; the read side for
 * everything Redis holds no index for; admins only; bad input is a 400 problem.
 */
@WithDevStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DispatchIT {

    private static final int ORDERS = 1000;
    private static final String ADMIN = token("admin", null);
    private TestStack stack;

    @BeforeAll
    void start(Infrastructure infra, TestNamespace ns) {
        String redis = infra.endpoints().redisUrl();
        stack = TestStack.start(ns, redis, redis, Map.of());
        List<OrderView> views = new ArrayList<>();
        for (long id = 1; id <= ORDERS; id++) {
            views.add(view(id, 1, "pending", 100 + id % 10, null, created(id)));
        }
        for (OrderView v : views) {
            stack.redisWriter().apply(v);
        }
        stack.writeReadSide(views);
    }

    /** Every third millisecond holds three orders of different restaurants: pages end inside groups of equal times. */
    private static Instant created(long id) {
        return BASE.plusMillis(id - id % 3);
    }

    @AfterAll
    void stop() {
        stack.close();
    }

    @Test
    void shouldWalkThePendingQueueAcrossRestaurantsExactlyOnceFromRedisWhileOrdersChange() throws Exception {
        Set<Long> confirmed = new HashSet<>();
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        int page = 0;
        do {
            JsonNode body = page("/api/dispatch/orders?status=pending&limit=37" + (cursor == null ? "" : "&cursor=" + cursor), "redis");
            body.get("orders").forEach(o -> seen.add(o.get("orderId").asLong()));
            body.get("orders").forEach(o -> assertThat(o.get("status").asText()).isEqualTo("pending"));
            cursor = body.get("nextCursor").isNull() ? null : body.get("nextCursor").asText();
            // Orders behind and ahead of the cursor are confirmed (they leave this queue), a new one arrives (newest of all).
            long id = 1 + (page * 53L) % ORDERS;
            if (id > 1 && id < ORDERS) { // keep the first and last pending: the walk's ends are checked below
                stack.redisWriter().apply(view(id, 2, "confirmed", 100 + id % 10, null, created(id)));
                confirmed.add(id);
            }
            stack.redisWriter().apply(view(5000 + page, 1, "pending", 100 + page % 10, null, Instant.now()));
            page++;
        } while (cursor != null && page < 1000);

        seen.removeIf(id -> id >= 5000); // new orders land before the first page, never inside the walk
        assertThat(seen).doesNotHaveDuplicates();
        Set<Long> stayedPending = new HashSet<>();
        for (long id = 1; id <= ORDERS; id++) {
            if (!confirmed.contains(id)) {
                stayedPending.add(id);
            }
        }
        assertThat(new HashSet<>(seen)).containsAll(stayedPending);
        assertThat(seen.getFirst()).isEqualTo(ORDERS);
        assertThat(seen.getLast()).isEqualTo(1L);
        Set<Long> restaurants = new HashSet<>();
        seen.forEach(id -> restaurants.add(100 + id % 10));
        assertThat(restaurants).hasSize(10);
        for (int i = 1; i < seen.size(); i++) {
            long a = seen.get(i - 1);
            long b = seen.get(i);
            assertThat(created(a).isAfter(created(b)) || (created(a).equals(created(b)) && a > b)).as("%d before %d", a, b).isTrue();
        }
    }

    @Test
    void shouldAnswerTheNamedQueuesInOneCallEach() throws Exception {
        stack.write(view(2001, 4, "ready", 201, null, BASE.plusSeconds(10)), view(2002, 4, "ready", 202, 7L, BASE.plusSeconds(11)),
                view(2003, 4, "ready", 203, null, BASE.plusSeconds(12)), view(2004, 4, "preparing", 201, null, BASE.plusSeconds(13)));

        JsonNode readyNoDriver = page("/api/dispatch/orders?status=ready&unassigned=true", "redis");
        assertThat(ids(readyNoDriver)).containsExactly(2003L, 2001L);
        assertThat(ids(page("/api/dispatch/orders?status=ready", "redis"))).containsExactly(2003L, 2002L, 2001L);
        // One restaurant and no driver: the read side's index, the same rows.
        assertThat(ids(page("/api/dispatch/orders?status=ready&unassigned=true&restaurantId=201", "read-store")))
                .containsExactly(2001L);

        // Assigned: it leaves the unassigned queue, stays in the status queue.
        stack.write(view(2003, 5, "ready", 203, 8L, BASE.plusSeconds(12)));
        assertThat(ids(page("/api/dispatch/orders?status=ready&unassigned=true", "redis"))).containsExactly(2001L);
        JsonNode row = page("/api/dispatch/orders?status=ready", "redis").get("orders").get(0);
        assertThat(row.get("orderId").asLong()).isEqualTo(2003);
        assertThat(row.get("driverId").asLong()).isEqualTo(8);
        assertThat(row.get("restaurantName").asText()).isEqualTo("რესტორანი 203");
    }

    @Test
    void shouldDropFinishedOrdersFromTheRedisQueueAndServeThemFromTheReadSide() throws Exception {
        stack.write(view(2101, 3, "out_for_delivery", 211, 9L, BASE.plusSeconds(20)));
        assertThat(stack.redis().sync().hexists(stack.keys.dispatchBoard(), "2101")).isTrue();

        stack.write(view(2101, 4, "delivered", 211, 9L, BASE.plusSeconds(20)));

        assertThat(stack.redis().sync().hexists(stack.keys.dispatchBoard(), "2101")).isFalse();
        assertThat(stack.redis().sync().zscore(stack.keys.dispatchStatus("out_for_delivery"), "2101")).isNull();
        // Finished orders of every restaurant: the read side; of one restaurant: its Redis board.
        HttpResponse<String> r = stack.get("/api/dispatch/orders?status=delivered&from=" + BASE.plusSeconds(20)
                + "&to=" + BASE.plusSeconds(21), ADMIN);
        assertThat(r.headers().firstValue("X-Data-Source")).hasValue("read-store");
        assertThat(ids(Json.mapper().readTree(r.body()))).containsExactly(2101L);
        assertThat(ids(page("/api/dispatch/orders?status=delivered&restaurantId=211", "redis"))).containsExactly(2101L);
        assertThat(Long.parseLong(r.headers().firstValue("X-Data-Age-Ms").orElseThrow())).isBetween(0L, 60_000L);
    }

    @Test
    void shouldWalkEveryStatusAcrossRestaurantsFromTheReadSide() throws Exception {
        Instant from = created(300);
        Instant to = created(600);
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode body = page("/api/dispatch/orders?limit=29&from=" + from + "&to=" + to
                    + (cursor == null ? "" : "&cursor=" + cursor), "read-store");
            body.get("orders").forEach(o -> seen.add(o.get("orderId").asLong()));
            cursor = body.get("nextCursor").isNull() ? null : body.get("nextCursor").asText();
        } while (cursor != null);

        List<Long> expected = new ArrayList<>();
        for (long id = ORDERS; id >= 1; id--) {
            if (!created(id).isBefore(from) && created(id).isBefore(to)) {
                expected.add(id);
            }
        }
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void shouldFallBackToTheReadSideWhenRedisIsDown(TestNamespace ns) throws Exception {
        String closedPort = "redis://127.0.0.1:" + ge.dms.devstack.infra.FreePorts.next(); // nothing listens there
        try (TestStack down = TestStack.start(ns, closedPort, null, Map.of())) { // this test's own read-side database
            down.writeReadSide(60, id -> view(id, 1, "pending", 100 + id % 10, null, created(id)));
            HttpResponse<String> r = down.get("/api/dispatch/orders?status=pending&limit=50", ADMIN);

            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(r.headers().firstValue("X-Data-Source")).hasValue("read-store; redis-unavailable");
            assertThat(r.headers().firstValue("X-Data-Age-Ms")).isPresent();
            List<Long> ids = ids(Json.mapper().readTree(r.body()));
            assertThat(ids).hasSize(50).doesNotHaveDuplicates().startsWith(60L, 59L);
            assertThat(down.get("/api/dispatch/events", ADMIN).statusCode()).isEqualTo(503);
        }
    }

    @Test
    void shouldRefuseNonAdminsAndBadInputWithProblems() {
        assertThat(stack.get("/api/dispatch/orders", token("restaurant", 101L)).statusCode()).isEqualTo(403);
        assertThat(stack.get("/api/dispatch/orders", token("driver", 7L)).statusCode()).isEqualTo(403);
        assertThat(stack.get("/api/dispatch/orders", null).statusCode()).isEqualTo(401);
        assertThat(stack.get("/api/dispatch/events", token("restaurant", 101L)).statusCode()).isEqualTo(403);
        for (String bad : List.of("status=lost", "unassigned=maybe", "unassigned=true&driverId=3", "restaurantId=x",
                "cursor=garbage", "limit=0", "from=yesterday", "from=2026-11-02&to=2026-11-01")) {
            HttpResponse<String> r = stack.get("/api/dispatch/orders?" + bad, ADMIN);
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as(bad).contains("application/problem+json");
        }
    }

    private JsonNode page(String pathAndQuery, String source) throws Exception {
        HttpResponse<String> r = stack.get(pathAndQuery, ADMIN);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-Data-Source")).as(pathAndQuery).hasValue(source);
        return Json.mapper().readTree(r.body());
    }

    private static List<Long> ids(JsonNode body) {
        List<Long> ids = new ArrayList<>();
        body.get("orders").forEach(o -> ids.add(o.get("orderId").asLong()));
        return ids;
    }
}
