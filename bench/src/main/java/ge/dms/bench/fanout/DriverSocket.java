package ge.dms.bench.fanout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One driver's live feed ({@code WS /api/drivers/{id}/live}), as the driver app holds it: it
 * keeps the cursor of the last change and, when the socket is lost (the server closes it: slow
 * consumer, Redis gone, shutting down; or the connection breaks: the server was killed), reconnects
 * with {@code ?after=CURSOR}, so the server replays what it missed. While the server is down,
 * attempts are retried with a growing pause (100 ms to 2 s). {@link #hold} defers reconnecting
 * until {@link #release}: a planned restart reconnects every driver at once when the server is
 * back, instead of hammering it while it starts. Each change message goes to the {@link Ledger}, stamped on arrival.
 */
final class DriverSocket implements WebSocket.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(DriverSocket.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_PAUSE_MS = 2_000;

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
    /** Connected and greeted since the last loss. */
    private volatile boolean greeted;
    /** System.nanoTime of the last hello. */
    private volatile long greetedAt;
    /** Attempts since the last hello that failed or were closed before it: the next one waits longer. */
    private final AtomicInteger failures = new AtomicInteger();
    private volatile boolean closing;
    private volatile WebSocket socket;
    private boolean held;
    private boolean lostWhileHeld;

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

    /** Connected and greeted (hello) since it was last lost. */
    boolean isLive() {
        return greeted;
    }

    /** Live on a connection that said hello after {@code nanos} (System.nanoTime): reconnected since then. */
    boolean liveSince(long nanos) {
        return greeted && greetedAt - nanos > 0;
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
                greetedAt = nanos;
                greeted = true;
                failures.set(0);
            }
            case "change" -> {
                cursor = message.path("cursor").asText();
                ledger.arrived(ChangeMessage.parse(message, driverId, nanos, wallMicros));
            }
            case "resync" -> resyncs.incrementAndGet();
            default -> LOG.debug("driver {}: {}", driverId, text);
        }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
        if (closing) {
            return null;
        }
        if (status >= 4400 && status < 4500) {
            // The token or the driver id was refused: trying again cannot help.
            LOG.error("driver {}: socket refused ({} {}); not reconnecting", driverId, status, reason);
            greeted = false;
            return null;
        }
        lost("closed by the server (" + status + " " + reason + ")");
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        if (!closing) {
            lost("failed (" + error + ")");
        }
    }

    /** Reconnecting waits for {@link #release} from now on. */
    synchronized void hold() {
        held = true;
    }

    /** Reconnects now if the socket was lost while held; from now on, as soon as it is lost. */
    synchronized void release() {
        held = false;
        if (lostWhileHeld) {
            lostWhileHeld = false;
            resume();
        }
    }

    private synchronized void lost(String why) {
        if (!greeted) {
            failures.incrementAndGet(); // closed again before its hello: do not spin
        }
        greeted = false;
        partial.setLength(0);
        if (held) {
            LOG.debug("driver {}: socket {}; reconnecting once released, after {}", driverId, why, cursor);
            lostWhileHeld = true;
        } else {
            LOG.warn("driver {}: socket {}; resuming after {}", driverId, why, cursor);
            resume();
        }
    }

    private void resume() {
        reconnects.incrementAndGet();
        attemptAfter(pause());
    }

    private long pause() {
        int failed = failures.get();
        return failed == 0 ? 0 : Math.min(MAX_PAUSE_MS, 100L << Math.min(failed - 1, 5));
    }

    private void attemptAfter(long pauseMs) {
        if (pauseMs > 0) {
            CompletableFuture.delayedExecutor(pauseMs, TimeUnit.MILLISECONDS).execute(this::attempt);
        } else {
            attempt();
        }
    }

    private void attempt() {
        if (closing) {
            return;
        }
        connect().whenComplete((ws, e) -> {
            if (e != null && !closing) {
                if (failures.incrementAndGet() == 1) {
                    LOG.warn("driver {}: reconnecting failed ({}); trying again, up to every {} ms", driverId, e.toString(), MAX_PAUSE_MS);
                } else {
                    LOG.debug("driver {}: reconnecting failed again ({})", driverId, e.toString());
                }
                attemptAfter(pause());
            }
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
