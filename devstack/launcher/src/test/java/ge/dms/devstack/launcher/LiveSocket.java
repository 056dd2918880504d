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

/** A driver's live WebSocket as a phone would hold it: every text message kept, in arrival order. */
final class LiveSocket implements AutoCloseable {

    private final List<JsonNode> messages = new CopyOnWriteArrayList<>();
    private final WebSocket socket;

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
    }

    static List<String> cursors(List<JsonNode> changes) {
        List<String> cursors = new ArrayList<>();
        changes.forEach(change -> cursors.add(change.path("cursor").asText()));
        return cursors;
    }
}
