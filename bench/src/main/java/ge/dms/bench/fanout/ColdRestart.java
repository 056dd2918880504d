package ge.dms.bench.fanout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Has the running {@code ./dev up} restart services in place ({@code POST /restart?services=...} on
 * its control endpoint, found as {@code ./dev rebuild-views} finds it: {@code DMS_DEV_CONTROL_URL}),
 * then checks each restarted service's health URL itself. The endpoint answers once every one is
 * healthy; the bench's own check is what the time is taken to.
 */
final class ColdRestart {

    private static final Logger LOG = LoggerFactory.getLogger(ColdRestart.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How long from the request until every service answered its health URL, and those URLs. */
    record Outcome(double seconds, Map<String, URI> health) {
    }

    /** What {@code fanout --cold} restarts, in this order. */
    static final List<String> RESTARTED = List.of("projections", "query-api");

    private ColdRestart() {
    }

    /**
     * {@code fanout --cold}: the drivers' sockets hold off reconnecting, the projections and the query API are
     * restarted, then every socket reconnects at once with its cursor and this waits until each has said hello
     * again. Returns the restart's figures.
     */
    static Map<String, Object> withSocketsHeld(URI control, DriverFeeds feeds) throws Exception {
        long requested = System.nanoTime();
        Outcome restarted;
        feeds.hold();
        try {
            LOG.info("cold run: restarting {}", RESTARTED);
            restarted = restart(control, RESTARTED, Duration.ofMinutes(5));
        } finally {
            feeds.release();
        }
        long ready = System.nanoTime();
        feeds.awaitLive(requested, Duration.ofMinutes(2));
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("coldRestartSeconds", restarted.seconds());
        figures.put("driversReconnectedSecondsAfterReady", Math.round((System.nanoTime() - ready) / 1e6) / 1e3);
        figures.put("restarted", List.copyOf(restarted.health().keySet()));
        return figures;
    }

    static Outcome restart(URI control, List<String> services, Duration timeout) throws IOException, InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(control.resolve("/restart?services=" + String.join(",", services)))
                    .timeout(timeout).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the restart of " + services + " was refused: " + response.statusCode() + " "
                        + response.body().strip());
            }
            Map<String, URI> health = healthUrls(response.body());
            for (Map.Entry<String, URI> service : health.entrySet()) {
                awaitHealthy(http, service.getKey(), service.getValue(), deadline);
            }
            double seconds = Math.round((System.nanoTime() - start) / 1e6) / 1e3;
            LOG.info("restarted {} in {} s", health.keySet(), seconds);
            return new Outcome(seconds, health);
        }
    }

    /** The endpoint's answer: {@code {"restarted":[..],"seconds":..,"health":{"<service>":"<url>",..}}}. */
    static Map<String, URI> healthUrls(String body) throws IOException {
        JsonNode health = JSON.readTree(body).path("health");
        Map<String, URI> urls = new LinkedHashMap<>();
        health.properties().forEach(e -> urls.put(e.getKey(), URI.create(e.getValue().asText())));
        return urls;
    }

    private static void awaitHealthy(HttpClient http, String service, URI url, long deadline) throws InterruptedException {
        while (true) {
            try {
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                LOG.debug("{} not healthy yet: {}", service, notYet.toString());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(service + " did not answer " + url + " after its restart");
            }
            Thread.sleep(50);
        }
    }
}
