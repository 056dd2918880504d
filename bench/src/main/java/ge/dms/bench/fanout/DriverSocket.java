package ge.dms.bench.fanout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One driver's live feed ({@code WS /api/drivers/{id}/live}), as the driver app holds it: it
 * keeps the cursor of the last change and, when the server closes the socket (slow consumer,
 * Redis gone) or the connection breaks, reconnects with {@code ?after=CURSOR}, so the server
 * replays what it missed. Each change message goes to the {@link Ledger}, stamped on arrival.
 */
final class DriverSocket implements WebSocket.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(DriverSocket.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final long driverId;
    private final String token;
    private final URI live;
    private final HttpClient http;
    private final Ledger ledger;
    private final StringBuilder partial = new StringBuilder();
    private final AtomicInteger reconnects;
    private final AtomicInteger resyncs;
    private volatile String cursor;
    private volatile boolean helloSeen;
    private volatile boolean closing;
    private volatile WebSocket socket;

    DriverSocket(long driverId, String token, URI live, HttpClient http, Ledger ledger, AtomicInteger reconnects,
                 AtomicInteger resyncs) {
        this.driverId = driverId;
        this.token = token;
        this.live = live;
        this.http = http;
        this.ledger = ledger;
        this.reconnects = reconnects;
        this.resyncs = resyncs;
    }

    CompletableFuture<WebSocket> connect() {
        String after = cursor;
        URI uri = after == null ? live : URI.create(live + "?after=" + after);
        return http.newWebSocketBuilder().header("Authorization", "Bearer " + token).connectTimeout(Duration.ofSeconds(10))
                .buildAsync(uri, this).thenApply(ws -> socket = ws);
    }

    boolean helloSeen() {
        return helloSeen;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            // Stamped before parsing: the time the whole message was in, not when we got round to it.
            long nanos = System.nanoTime();
            long wallMicros = Ledger.Clock.wallMicros();
            String text = partial.toString();
            partial.setLength(0);
            handle(text, nanos, wallMicros);
        }
        ws.request(1);
        return null;
    }

    private void handle(String text, long nanos, long wallMicros) {
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (java.io.IOException e) {
            LOG.warn("driver {}: unreadable message {}", driverId, text);
            return;
        }
        switch (message.path("type").asText()) {
            case "hello" -> {
                if (cursor == null) {
                    cursor = message.path("cursor").asText(null);
                }
                helloSeen = true;
            }
            case "change" -> {
                cursor = message.path("cursor").asText();
                ledger.arrived(new Ledger.Arrival(driverId, message.path("orderId").asLong(), message.path("version").asLong(),
                        commitMicros(message), streamMillis(cursor), nanos, wallMicros));
            }
            case "resync" -> resyncs.incrementAndGet();
            default -> LOG.debug("driver {}: {}", driverId, text);
        }
    }

    /** The source commit time: the view's {@code sourceCommitTime} (µs), else {@code commitMs}, else 0. */
    private static long commitMicros(JsonNode message) {
        JsonNode view = message.path("order").path("sourceCommitTime");
        if (view.isTextual()) {
            Instant commit = Instant.parse(view.asText());
            return commit.getEpochSecond() * 1_000_000 + commit.getNano() / 1_000;
        }
        return message.path("commitMs").asLong(0) * 1_000;
    }

    /** A Redis stream id is {@code <ms>-<seq>}: the ms is Redis's clock when the projections wrote the entry. */
    private static long streamMillis(String cursor) {
        int dash = cursor == null ? -1 : cursor.indexOf('-');
        try {
            return dash > 0 ? Long.parseLong(cursor.substring(0, dash)) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
        if (!closing) {
            LOG.warn("driver {}: socket closed by the server ({} {}); resuming after {}", driverId, status, reason, cursor);
            resume();
        }
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        if (!closing) {
            LOG.warn("driver {}: socket failed ({}); resuming after {}", driverId, error.toString(), cursor);
            resume();
        }
    }

    private void resume() {
        reconnects.incrementAndGet();
        partial.setLength(0);
        connect().exceptionally(e -> {
            LOG.error("driver {}: reconnecting failed", driverId, e);
            return null;
        });
    }

    void close() {
        closing = true;
        WebSocket ws = socket;
        if (ws != null && !ws.isOutputClosed()) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bench done").exceptionally(e -> null);
        }
    }
}
