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

/** An abusive caller gets 429 problem bodies; other callers are not affected. */
@WithDevStack
class RateLimitIT {

    @Test
    void shouldLimitOneCallerWithoutTouchingOthers(Infrastructure infra, TestNamespace ns) throws Exception {
        String redis = infra.endpoints().redisUrl();
        Map<String, Object> tight = Map.of("dms.query.rate-limit-per-second", "0.5", "dms.query.rate-limit-burst", 3);
        try (TestStack stack = TestStack.start(ns, redis, redis, tight)) {
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
            assertThat(last.headers().firstValue("Retry-After")).hasValue("1");
            JsonNode problem = Json.mapper().readTree(last.body());
            assertThat(problem.get("type").asText()).endsWith("/rate-limited");

            assertThat(stack.get("/api/restaurants/2/orders", token("restaurant", 2L)).statusCode()).isEqualTo(200);
        }
    }
}
