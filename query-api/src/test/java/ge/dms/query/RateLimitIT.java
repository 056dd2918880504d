package ge.dms.query;

import com.fasterxml.jackson.databind.JsonNode;
import ge.dms.devstack.infra.Infrastructure;
import ge.dms.devstack.test.TestNamespace;
import ge.dms.devstack.test.WithDevStack;
import ge.dms.query.support.TestStack;
import ge.dms.schemas.serde.Json;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static ge.dms.query.support.TestStack.token;
import static org.assertj.core.api.Assertions.assertThat;

/** An abusive caller gets 429 problem bodies; other callers are not affected; shared buckets hold across instances. */
@WithDevStack
class RateLimitIT {

    /** 3 requests at once, then one every 2 s. */
    private static final Map<String, Object> TIGHT = Map.of("dms.query.rate-limit-per-second", "0.5", "dms.query.rate-limit-burst", 3);

    @Test
    void shouldLimitOneCallerWithoutTouchingOthers(Infrastructure infra, TestNamespace ns) throws Exception {
        String redis = infra.endpoints().redisUrl();
        try (TestStack stack = TestStack.start(ns, redis, redis, TIGHT)) {
            String abusive = token("restaurant", 1L);
            int limited = 0;
            HttpResponse<String> last = null;
            for (int i = 0; i < 10; i++) {
                last = stack.get("/api/restaurants/1/orders", abusive);
                if (last.statusCode() == 429) {
                    limited++;
                }
            }
            assertThat(limited).isGreaterThanOrEqualTo(6);
            assertThat(last.statusCode()).isEqualTo(429);
            // The seconds until the next token: at 0.5/s, 1 or 2.
            assertThat(last.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isBetween(1, 2));
            JsonNode problem = Json.mapper().readTree(last.body());
            assertThat(problem.get("type").asText()).endsWith("/rate-limited");

            assertThat(stack.get("/api/restaurants/2/orders", token("restaurant", 2L)).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void shouldShareOneCallersBucketAcrossInstancesThroughRedis(Infrastructure infra, TestNamespace ns) throws Exception {
        String redis = infra.endpoints().redisUrl();
        Map<String, Object> shared = new java.util.HashMap<>(TIGHT);
        shared.put("dms.query.rate-limit-shared", true);
        try (TestStack first = TestStack.start(ns, redis, redis, shared);
             TestStack second = TestStack.start(ns, redis, null, shared)) {
            String caller = token("restaurant", 3L);
            for (int i = 0; i < 3; i++) {
                assertThat(first.get("/api/restaurants/3/orders", caller).statusCode()).isEqualTo(200);
            }
            // Per instance, the second would still have its own 3; shared, the burst is spent.
            HttpResponse<String> onSecond = second.get("/api/restaurants/3/orders", caller);
            assertThat(onSecond.statusCode()).isEqualTo(429);
            assertThat(onSecond.headers().firstValue("Retry-After")).isPresent();
            assertThat(second.get("/api/restaurants/4/orders", token("restaurant", 4L)).statusCode()).isEqualTo(200);
            assertThat(first.redis().sync().exists(first.keys.rateLimit("RESTAURANT:3"))).isEqualTo(1L);
        }
    }
}
