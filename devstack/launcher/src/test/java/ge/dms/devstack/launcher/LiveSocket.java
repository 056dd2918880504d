package ge.dms.devstack.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import ge.dms.schemas.serde.Json;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;

/** A driver's live WebSocket as a phone would hold it: every text message kept, in arrival order. */
final class LiveSocket implements AutoCloseable {

    /** The server's "try again later": it could not open the feed (e.g. a Redis call timed out); a phone retries. */
    private static final int TRY_AGAIN_LATER = 1013;

    private final List<JsonNode> messages = new CopyOnWriteArrayList<>();
    private final WebSocket socket;
    private volatile Integer closeCode;
    private volatile String closeReason;

    private LiveSocket(URI uri, String token) {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", "Bearer " + token)
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(uri, new Collector())
                .join();
    }

    static LiveSocket connect(URI queryApi, long driverId, String token, String after) {
        String path = "/api/drivers/" + driverId + "/live" + (after == null ? "" : "?after=" + after);
        return new LiveSocket(URI.create(queryApi.resolve(path).toString().replaceFirst("^http", "ws")), token);
    }

    /**
     * Connects and waits for the hello, reconnecting (as the driver app does) while the server answers
     * "try again later" before it; any other close, or no hello within {@code timeout}, fails.
     */
    static LiveSocket open(URI queryApi, long driverId, String token, String after, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            LiveSocket socket = connect(queryApi, driverId, token, after);
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            await().atMost(left).until(() -> socket.saidHello() || socket.closeCode != null);
            if (socket.saidHello()) {
                return socket;
            }
            if (socket.closeCode != TRY_AGAIN_LATER) {
                throw new AssertionError("the live socket was closed before its hello: " + socket.closeCode + " " + socket.closeReason);
            }
        }
    }

    List<JsonNode> messages() {
        return List.copyOf(messages);
    }

    /** The change messages, in order. */
    List<JsonNode> changes() {
        return messages.stream().filter(m -> "change".equals(m.path("type").asText())).toList();
    }

    boolean saidHello() {
        return messages.stream().anyMatch(m -> "hello".equals(m.path("type").asText()));
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(ignored -> null).join();
    }

    private final class Collector implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    messages.add(Json.mapper().readTree(partial.toString()));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException("not JSON: " + partial, e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeReason = reason;
            closeCode = statusCode;
            return null;
        }
    }

    static List<String> cursors(List<JsonNode> changes) {
        List<String> cursors = new ArrayList<>();
        changes.forEach(change -> cursors.add(change.path("cursor").asText()));
        return cursors;
    }
}
