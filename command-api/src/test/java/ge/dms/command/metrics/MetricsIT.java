package ge.dms.command.metrics;

import ge.dms.command.support.TestApi;
import ge.dms.command.support.TestApi.Reply;
import ge.dms.devstack.test.TestNamespace;
import ge.dms.devstack.test.WithDevStack;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /metrics} answers without a token, in Prometheus' format, and counts each command by route and outcome. */
@WithDevStack
class MetricsIT {

    @Test
    void shouldCountEveryCommandByItsRouteAndOutcome(TestNamespace ns) {
        try (TestApi t = TestApi.start(ns)) {
            long restaurant = t.restaurant("მეტრიკა");
            long product = t.product("MET-1", "ყველი", "kg", "10.00");
            for (int i = 0; i < 3; i++) {
                assertThat(t.post("/api/orders", TestApi.restaurant(restaurant), TestApi.orderBody(product, "1")).status()).isEqualTo(201);
            }
            assertThat(t.post("/api/orders", TestApi.restaurant(restaurant), "{\"items\":[]}").status()).isEqualTo(400);
            assertThat(t.post("/api/orders", null, TestApi.orderBody(product, "1")).status()).isEqualTo(401);

            Reply metrics = t.send("GET", "/metrics", null, null, null);

            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.header("Content-Type")).startsWith("text/plain; version=0.0.4");
            assertThat(count(metrics.body(), "POST", "/api/orders", "201", "success")).isEqualTo(3);
            assertThat(count(metrics.body(), "POST", "/api/orders", "400", "client_error")).isEqualTo(1);
            assertThat(count(metrics.body(), "POST", "/api/orders", "401", "client_error")).isEqualTo(1);
            assertThat(metrics.body()).contains("http_server_requests_seconds_bucket{", "jvm_memory_used_bytes{", "service=\"command-api\"");
        }
    }

    /** The {@code _count} of one series of the request histogram (label order as Prometheus writes it: sorted). */
    private static long count(String body, String method, String uri, String status, String outcome) {
        Pattern series = Pattern.compile("^http_server_requests_seconds_count\\{method=\"" + method + "\",outcome=\"" + outcome
                + "\",service=\"command-api\",status=\"" + status + "\",uri=\"" + Pattern.quote(uri) + "\"} (\\S+)$", Pattern.MULTILINE);
        Matcher m = series.matcher(body);
        return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
    }
}
