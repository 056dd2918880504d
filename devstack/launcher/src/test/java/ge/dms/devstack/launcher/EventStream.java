package ge.dms.devstack.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import ge.dms.schemas.serde.Json;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A live board's server-sent events as a browser's EventSource holds them: every change kept in arrival order
 * (its data with the event id as {@code cursor}), read by a thread of its own.
 */
final class EventStream implements AutoCloseable {

    private final List<JsonNode> changes = new CopyOnWriteArrayList<>();
    private volatile boolean hello;
    private final HttpResponse<InputStream> response;
    private final Thread reader;

    private EventStream(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = Thread.ofVirtual().start(this::read);
    }

    /** Connects to {@code path} (with {@code Last-Event-ID} when {@code lastEventId} is set) and waits for the hello. */
    static EventStream open(URI queryApi, String path, String token, String lastEventId, Duration timeout) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(queryApi.resolve(path)).header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream").GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).as("SSE %s", path).isEqualTo(200);
        EventStream stream = new EventStream(response);
        await().atMost(timeout).until(() -> stream.hello);
        return stream;
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String event = null;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("data:") && "change".equals(event)) {
                    changes.add(Json.mapper().readTree(line.substring(5).trim()));
                } else if (line.startsWith("data:") && "hello".equals(event)) {
                    hello = true;
                }
            }
        } catch (Exception e) {
            // closed by the test (a dropped connection) or the server
        }
    }

    List<JsonNode> changes() {
        return List.copyOf(changes);
    }

    static List<String> cursors(List<JsonNode> changes) {
        return changes.stream().map(c -> c.path("cursor").asText()).toList();
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (Exception e) {
            // already closed
        }
        reader.interrupt();
    }
}
