package ge.dms.query.support;

import com.fasterxml.jackson.databind.JsonNode;
import ge.dms.schemas.serde.Json;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A WebSocket client (the JDK's) collecting the live protocol's JSON messages and the close code. */
public final class LiveClient implements WebSocket.Listener, AutoCloseable {

    private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    public final CompletableFuture<Integer> closed = new CompletableFuture<>();
    /** The close frame's reason, for failure messages (the server puts the cause and the cursor in it). */
    private volatile String closeReason = "";
    private final boolean autoRequest;
    private WebSocket socket;

    private LiveClient(boolean autoRequest) {
        this.autoRequest = autoRequest;
    }

    public static LiveClient connect(HttpClient http, URI uri, String token, boolean autoRequest) {
        LiveClient client = new LiveClient(autoRequest);
        WebSocket.Builder b = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        client.socket = b.buildAsync(uri, client).join();
        return client;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(autoRequest ? Long.MAX_VALUE : 1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                messages.add(Json.mapper().readTree(partial.toString()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            partial.setLength(0);
        }
        return null; // a paused client (autoRequest false) reads nothing more until resume()
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeReason = reason;
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }

    /** Lets a paused client read again. */
    public void resume() {
        socket.request(Long.MAX_VALUE);
    }

    public JsonNode next(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        JsonNode m = null;
        while (m == null && System.nanoTime() < deadline) {
            m = messages.poll(100, TimeUnit.MILLISECONDS);
            if (m == null && closed.isDone()) {
                throw new AssertionError("socket closed: " + closed.handle((code, e) -> e == null ? "code " + code + " (" + closeReason + ")" : e.toString()).join());
            }
        }
        if (m == null) {
            throw new AssertionError("no live message within " + wait);
        }
        return m;
    }

    /** The next {@code n} messages of type change. */
    public List<JsonNode> changes(int n, Duration wait) throws InterruptedException {
        List<JsonNode> changes = new ArrayList<>();
        long deadline = System.nanoTime() + wait.toNanos();
        while (changes.size() < n) {
            JsonNode m = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if ("change".equals(m.get("type").asText())) {
                changes.add(m);
            }
        }
        return changes;
    }

    public JsonNode poll(Duration wait) throws InterruptedException {
        return messages.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }
}
