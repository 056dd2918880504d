package ge.dms.devstack.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import ge.dms.devstack.test.WithDevStack;
import ge.dms.devstack.tokens.DevTokens;
import ge.dms.schemas.serde.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every service's {@code /metrics} on the whole platform, after one change went all the way to a driver's socket:
 * each service serves Prometheus text, the hop histograms counted that change, and every metric the Grafana
 * dashboard and the alert rules in {@code deploy/} ask for is one the services export.
 */
@WithDevStack
@ExtendWith(SharedPlatform.Extension.class)
class ObservabilityIT {

    private static final Duration DELIVERY = Duration.ofSeconds(60);
    /** Metric names in PromQL: what Micrometer's Prometheus naming produces for our meters and binders. */
    private static final Pattern METRIC = Pattern.compile("\\b(?:dms|http|kafka|jvm|process|system)_[a-z0-9_]+\\b");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void shouldExportEveryMetricTheDashboardAndTheAlertsUse(SharedPlatform shared) throws Exception {
        Platform platform = shared.platform();
        long restaurant = shared.demo().restaurantIds().getFirst();
        long driver = shared.demo().driverIds().getFirst();
        String admin = DevTokens.mint(shared.secret(), "admin", null);
        CommandClient commands = new CommandClient(platform.commandApi());
        try (LiveSocket phone = LiveSocket.open(platform.queryApi(), driver, DevTokens.mint(shared.secret(), "driver", driver), null, DELIVERY)) {
            long order = commands.place(DevTokens.mint(shared.secret(), "restaurant", restaurant), DemoProducts.anyActive(shared.infrastructure().endpoints().writeDatabase())).path("id").asLong();
            long version = commands.act(order, "confirm", 1, admin, null);
            long assigned = commands.act(order, "assign-driver", version, admin, "{\"driverId\":" + driver + "}");
            await().atMost(DELIVERY).until(() -> phone.changes().stream()
                    .anyMatch(c -> c.path("orderId").asLong() == order && c.path("version").asLong() == assigned));
        }

        Map<String, String> scraped = new LinkedHashMap<>();
        scrapeAll(platform, scraped);
        // The change above went through every hop, so each histogram has counted at least it.
        assertThat(count(scraped.get("command-api"), "http_server_requests_seconds_count", "uri=\"/api/orders\"")).isGreaterThanOrEqualTo(1);
        assertThat(count(scraped.get("cdc-pipeline"), "dms_cdc_commit_to_ack_seconds_count", "")).isGreaterThanOrEqualTo(3);
        for (String hop : List.of("cdc_to_input", "input_to_emit", "emit_to_redis")) {
            assertThat(count(scraped.get("projections"), "dms_projections_" + hop + "_seconds_count", "")).as(hop).isGreaterThanOrEqualTo(1);
        }
        assertThat(count(scraped.get("query-api"), "dms_live_commit_to_socket_seconds_count", "")).isGreaterThanOrEqualTo(1);
        assertThat(count(scraped.get("query-api"), "dms_live_redis_to_socket_seconds_count", "")).isGreaterThanOrEqualTo(1);

        Path deploy = DevSecret.projectRoot().resolve("deploy");
        Set<String> asked = new TreeSet<>();
        JsonNode dashboard = Json.mapper().readTree(Files.readString(deploy.resolve("grafana/dashboards/dms.json")));
        List<String> expressions = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> panel.path("targets").forEach(t -> expressions.add(t.path("expr").asText())));
        assertThat(expressions).as("the dashboard's queries").hasSizeGreaterThanOrEqualTo(10).allSatisfy(e -> assertThat(e).isNotBlank());
        Matcher alerts = Pattern.compile("(?m)^\\s+expr: (.+)$").matcher(Files.readString(deploy.resolve("prometheus/alerts.yml")));
        while (alerts.find()) {
            expressions.add(alerts.group(1));
        }
        expressions.forEach(e -> METRIC.matcher(e).results().forEach(m -> asked.add(m.group())));

        assertThat(asked).as("metrics the dashboard and alerts use").hasSizeGreaterThanOrEqualTo(15);
        // Series that appear once their source exists (a partition's lag once it is assigned): scrape again until then.
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(5)).untilAsserted(() -> {
            scrapeAll(platform, scraped);
            String all = String.join("\n", scraped.values());
            assertThat(asked).as("metrics no service exports").allSatisfy(name ->
                    assertThat(Pattern.compile("(?m)^" + Pattern.quote(name) + "[{ ]").matcher(all).find()).as(name).isTrue());
        });
    }

    private void scrapeAll(Platform platform, Map<String, String> scraped) throws Exception {
        scraped.put("command-api", scrape(platform.commandApi().resolve("/metrics")));
        scraped.put("query-api", scrape(platform.queryApi().resolve("/metrics")));
        scraped.put("cdc-pipeline", scrape(platform.cdcHealth().resolve("/metrics")));
        scraped.put("projections", scrape(platform.projectionsHealth().resolve("/metrics")));
    }

    private String scrape(URI metrics) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(metrics.toString()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).as(metrics.toString())
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain; version=0.0.4"));
        return r.body();
    }

    /** The sum over the series of {@code name} whose labels contain {@code having}. */
    private static double count(String metrics, String name, String having) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{([^}]*)})? (\\S+)$").matcher(metrics);
        double sum = 0;
        while (m.find()) {
            if (m.group(1) == null ? having.isEmpty() : m.group(1).contains(having)) {
                sum += Double.parseDouble(m.group(2));
            }
        }
        return sum;
    }

}
