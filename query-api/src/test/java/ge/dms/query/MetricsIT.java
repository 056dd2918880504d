package ge.dms.query;

import com.fasterxml.jackson.databind.JsonNode;
import ge.dms.devstack.infra.Infrastructure;
import ge.dms.devstack.test.TestNamespace;
import ge.dms.devstack.test.WithDevStack;
import ge.dms.projection.orderview.HopTrace;
import ge.dms.query.support.LiveClient;
import ge.dms.query.support.TestStack;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static ge.dms.query.support.TestStack.token;
import static ge.dms.query.support.TestViews.BASE;
import static ge.dms.query.support.TestViews.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code GET /metrics}: the live feeds, each change written to a socket, answers by store, requests by route. */
@WithDevStack
class MetricsIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void shouldCountLiveClientsChangesSentAndAnswersByStore(Infrastructure infra, TestNamespace ns) throws Exception {
        String redis = infra.endpoints().redisUrl();
        try (TestStack stack = TestStack.start(ns, redis, redis, Map.of())) {
            String cursor;
            try (LiveClient driver = LiveClient.connect(stack.http(), live(stack, 71, null), token("driver", 71L), true)) {
                assertThat(driver.next(WAIT).get("type").asText()).isEqualTo("hello");
                for (int version = 2; version <= 4; version++) {
                    long now = System.currentTimeMillis();
                    stack.redisWriter().apply(view(7101, version, "ready", 72, 71L, BASE), new HopTrace(now - 20, now - 10, now - 5));
                }
                List<JsonNode> changes = driver.changes(3, WAIT);
                cursor = changes.getLast().get("cursor").asText();
                assertThat(stack.get("/api/orders/7101", token("admin", null)).statusCode()).isEqualTo(200);

                String metrics = scrape(stack);
                assertThat(value(metrics, "dms_live_clients", "feed=\"driver\",service=\"query-api\"")).isEqualTo(1);
                assertThat(value(metrics, "dms_live_redis_to_socket_seconds_count", "service=\"query-api\"")).isEqualTo(3);
                assertThat(value(metrics, "dms_live_commit_to_socket_seconds_count", "service=\"query-api\"")).isEqualTo(3);
                assertThat(value(metrics, "dms_query_answers_total", "service=\"query-api\",source=\"redis\"")).isEqualTo(1);
                assertThat(value(metrics, "http_server_requests_seconds_count",
                        "method=\"GET\",outcome=\"success\",service=\"query-api\",status=\"200\",uri=\"/api/orders/{id:[0-9]+}\"")).isEqualTo(1);
            }
            // Gone: the gauge falls back; a resume counts.
            await().atMost(WAIT).until(() -> value(scrape(stack), "dms_live_clients", "feed=\"driver\",service=\"query-api\"") == 0);
            try (LiveClient again = LiveClient.connect(stack.http(), live(stack, 71, cursor), token("driver", 71L), true)) {
                assertThat(again.next(WAIT).get("type").asText()).isEqualTo("hello");
                assertThat(value(scrape(stack), "dms_live_resumes_total", "feed=\"driver\",service=\"query-api\"")).isEqualTo(1);
            }
        }
    }

    private static URI live(TestStack stack, long driverId, String after) {
        URI http = stack.uri("/api/drivers/" + driverId + "/live" + (after == null ? "" : "?after=" + after));
        return URI.create(http.toString().replaceFirst("^http", "ws"));
    }

    private static String scrape(TestStack stack) {
        HttpResponse<String> r = stack.get("/metrics", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain; version=0.0.4"));
        return r.body();
    }

    /** One series' value (labels exactly as Prometheus writes them: sorted), 0 when absent. */
    private static double value(String metrics, String name, String labels) {
        Matcher m = Pattern.compile("^" + Pattern.quote(name + "{" + labels + "}") + " (\\S+)$", Pattern.MULTILINE).matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
