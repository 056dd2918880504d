package ge.dms.query.support;

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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** An SSE client (the JDK's HttpClient, one reader thread) collecting the live protocol's messages by event name. */
public final class EventStreamClient implements AutoCloseable {

    /** One event: its name, id (the cursor on changes) and JSON data. */
    public record Message(String event, String id, JsonNode data) {
    }

    private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
    private final HttpResponse<InputStream> response;
    private final Thread reader;

    private EventStreamClient(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = Thread.ofVirtual().start(this::read);
    }

    /** Connects; the answer's status is checked by the caller through {@link #status()} (an error body is not read). */
    public static EventStreamClient connect(HttpClient http, URI uri, String token, String lastEventId) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (lastEventId != null) {
            b.header("Last-Event-ID", lastEventId);
        }
        return new EventStreamClient(http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream()));
    }

    public int status() {
        return response.statusCode();
    }

    private void read() {
        if (response.statusCode() != 200) {
            return;
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String event = null;
            String id = null;
            StringBuilder data = new StringBuilder();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        messages.add(new Message(event, id, Json.mapper().readTree(data.toString())));
                    }
                    event = null;
                    id = null;
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).trim());
                }
            }
        } catch (Exception e) {
            // closed by the test or the server: nothing more to collect
        }
    }

    /** The next message of any kind except pings. */
    public Message next(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Message m = messages.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (m == null) {
                throw new AssertionError("no event within " + wait);
            }
            if (!"ping".equals(m.event())) {
                return m;
            }
        }
    }

    /** The next {@code n} change events. */
    public List<Message> changes(int n, Duration wait) throws InterruptedException {
        List<Message> changes = new ArrayList<>();
        long deadline = System.nanoTime() + wait.toNanos();
        while (changes.size() < n) {
            Message m = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if ("change".equals(m.event())) {
                changes.add(m);
            }
        }
        return changes;
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
