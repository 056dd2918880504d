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

/** Walking a board of 1,000 orders by cursor returns each exactly once, newest first, while orders keep changing. */
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
