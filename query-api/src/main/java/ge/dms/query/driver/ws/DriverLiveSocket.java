package ge.dms.query.driver.ws;

import ge.dms.http.token.AccessDenied;
import ge.dms.http.token.Caller;
import ge.dms.query.QueryConfig;
import ge.dms.query.driver.live.FeedClosedException;
import ge.dms.query.driver.live.LiveFeed;
import ge.dms.query.driver.live.LiveMessage;
import ge.dms.query.driver.live.LiveSessions;
import ge.dms.query.http.ApiException;
import ge.dms.query.security.AuthFilter;
import ge.dms.query.security.TokenVerifier;
import io.micronaut.http.HttpRequest;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnClose;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code WS /api/drivers/{driverId}/live?after=CURSOR}: every change to the driver's orders as JSON
 * text frames (protocol in the README). Each connection gets a virtual thread that replays, then
 * waits on the hub; it pings when idle and closes a client that cannot keep up (1008, with the
 * cursor to resume from) or when Redis is down (1013). Auth failures close with 4401 / 4403.
 */
@ServerWebSocket("/api/drivers/{driverId}/live")
public class DriverLiveSocket {

    private static final Logger LOG = LoggerFactory.getLogger(DriverLiveSocket.class);
    private static final String FEED = "dms.feed";

    private final TokenVerifier verifier;
    private final LiveSessions sessions;
    private final QueryConfig config;

    public DriverLiveSocket(TokenVerifier verifier, LiveSessions sessions, QueryConfig config) {
        this.verifier = verifier;
        this.sessions = sessions;
        this.config = config;
    }

    @OnOpen
    public void onOpen(String driverId, WebSocketSession session, HttpRequest<?> request) {
        long id;
        try {
            id = Long.parseLong(driverId);
        } catch (NumberFormatException e) {
            session.close(new CloseReason(4400, "driver id must be a number"));
            return;
        }
        Optional<Caller> caller = AuthFilter.authenticate(verifier, request);
        if (caller.isEmpty()) {
            session.close(new CloseReason(4401, "a valid Bearer token is required"));
            return;
        }
        try {
            caller.get().requireDriver(id);
        } catch (AccessDenied e) {
            session.close(new CloseReason(4403, truncate(e.getMessage())));
            return;
        }
        String after = session.getRequestParameters().get("after");
        // Opening reads Redis (replay position, trimmed history): off the event loop, on the connection's own thread.
        Thread.ofVirtual().name("live-ws-" + id).start(() -> openAndPump(session, id, after, caller.get()));
    }

    private void openAndPump(WebSocketSession session, long driverId, String after, Caller caller) {
        LiveSessions.Opened opened;
        try {
            opened = sessions.open(driverId, after, caller);
        } catch (ApiException e) {
            int code = e.status().getCode() == 400 ? 4400 : CloseReason.TRY_AGAIN_LATER.getCode();
            session.close(new CloseReason(code, truncate(e.getMessage())));
            return;
        }
        session.put(FEED, opened.feed());
        if (!session.isOpen()) { // closed while we were opening: onClose may not have seen the feed
            sessions.close(opened.feed());
            return;
        }
        pump(session, opened);
    }

    @OnMessage
    public void onMessage(String message, WebSocketSession session) {
        // Clients may send {"type":"ping"} when their platform hides WebSocket pings.
        if (message.contains("\"ping\"")) {
            session.sendAsync("{\"type\":\"pong\"}");
        }
    }

    @OnClose
    public void onClose(WebSocketSession session) {
        session.get(FEED, LiveFeed.class).ifPresent(feed -> {
            feed.close(new FeedClosedException("client closed", feed.cursor(), false));
            sessions.close(feed);
        });
    }

    private void pump(WebSocketSession session, LiveSessions.Opened opened) {
        LiveFeed feed = opened.feed();
        try {
            send(session, opened.hello());
            if (opened.resync() != null) {
                send(session, opened.resync());
            }
            while (session.isOpen()) {
                LiveMessage m = feed.next(config.getPingInterval());
                if (m == null) {
                    session.sendPingAsync("ping".getBytes(StandardCharsets.US_ASCII))
                            .get(config.getSendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                } else {
                    send(session, m);
                }
            }
        } catch (FeedClosedException e) {
            sessions.metrics().cutOff(e.getMessage());
            closeWith(session, e.getMessage(), e.cursor(), e.retryLater() ? CloseReason.TRY_AGAIN_LATER.getCode()
                    : CloseReason.POLICY_VIOLATION.getCode());
        } catch (java.util.concurrent.TimeoutException e) {
            sessions.metrics().cutOff("slow consumer");
            closeWith(session, "slow consumer: a send did not complete in time", feed.cursor(), CloseReason.POLICY_VIOLATION.getCode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ge.dms.query.infra.Redis.RedisUnavailableException e) {
            sessions.metrics().cutOff("redis unavailable");
            closeWith(session, "redis unavailable", feed.cursor(), CloseReason.TRY_AGAIN_LATER.getCode());
        } catch (Exception e) {
            if (session.isOpen()) {
                LOG.warn("Live socket on {} failed: {}", feed.streamKey(), e.toString());
                closeWith(session, "server error", feed.cursor(), CloseReason.TRY_AGAIN_LATER.getCode());
            }
        } finally {
            sessions.close(feed);
        }
    }

    private void send(WebSocketSession session, LiveMessage m) throws Exception {
        long sentMs = System.currentTimeMillis();
        session.sendAsync(m.jsonSentAt(sentMs)).get(config.getSendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        sessions.metrics().sent(m, sentMs);
    }

    private static void closeWith(WebSocketSession session, String reason, String cursor, int code) {
        if (!session.isOpen()) {
            return;
        }
        try {
            session.sendAsync(LiveMessage.closing(cursor, reason).json()).get(1, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // closing anyway; the close frame carries the reason too
        }
        session.close(new CloseReason(code, truncate(reason + "; resume after=" + cursor)));
    }

    /** A close frame's reason is at most 123 bytes. */
    private static String truncate(String reason) {
        byte[] bytes = reason.getBytes(StandardCharsets.UTF_8);
        return bytes.length <= 120 ? reason : new String(bytes, 0, 120, StandardCharsets.UTF_8);
    }
}
