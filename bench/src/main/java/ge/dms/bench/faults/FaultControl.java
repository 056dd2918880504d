package ge.dms.bench.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The running {@code ./dev up}'s fault and check endpoints ({@code DMS_DEV_CONTROL_URL}): {@code POST /fault/...},
 * which answers once the fault is over and its target answers again, and {@code GET /check-views}.
 */
final class FaultControl implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Beyond the fault's window: a service's start (a minute on a busy machine) and a PostgreSQL restart's recovery. */
    private static final Duration RECOVERY_ALLOWANCE = Duration.ofMinutes(4);

    /** When the fault began, when it was lifted and when its target answered again (epoch ms). */
    record Outcome(long injectedAtMs, long liftedAtMs, long recoveredAtMs) {
    }

    /** What {@code check-views} found: how many views drifted, and the first few. */
    record Drift(long count, List<String> examples) {
    }

    private final URI control;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    FaultControl(URI control) {
        this.control = control;
    }

    Outcome inject(Fault fault, Duration window) throws IOException, InterruptedException {
        URI uri = control.resolve(fault.path() + "&seconds=" + window.toMillis() / 1000.0);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri).timeout(window.plus(RECOVERY_ALLOWANCE))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(fault + " failed: " + answer.statusCode() + " " + answer.body().strip());
        }
        JsonNode body = JSON.readTree(answer.body());
        return new Outcome(body.path("injectedAtMs").asLong(), body.path("liftedAtMs").asLong(), body.path("recoveredAtMs").asLong());
    }

    Drift checkViews() throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(control.resolve("/check-views")).timeout(Duration.ofMinutes(5))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IOException("check-views failed: " + answer.statusCode() + " " + answer.body().strip());
        }
        JsonNode body = JSON.readTree(answer.body());
        List<String> examples = new ArrayList<>();
        body.path("examples").forEach(e -> examples.add(e.asText()));
        return new Drift(body.path("drift").asLong(), examples);
    }

    @Override
    public void close() {
        http.shutdownNow();
    }
}
