package ge.dms.query.driver.live;

import ge.dms.http.token.Caller;
import ge.dms.query.http.ApiException;
import ge.dms.query.infra.Redis.RedisUnavailableException;
import ge.dms.query.security.RevokedSessions;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Opening a feed for a client: validates the cursor and prepends the hello (and, when history was trimmed, a resync). */
@Singleton
public class LiveSessions {

    private final LiveHub hub;
    private final RevokedSessions revoked;
    /** Feeds of signed-in sessions, and their watch: a sign-out ends the feed (the client gets "closing"). */
    private final Map<LiveFeed, AutoCloseable> watches = new ConcurrentHashMap<>();
    /** The kind of each open feed, for the connected-clients gauge. */
    private final Map<LiveFeed, String> kinds = new ConcurrentHashMap<>();
    private final LiveMetrics metrics;

    public LiveSessions(LiveHub hub, RevokedSessions revoked, LiveMetrics metrics) {
        this.hub = hub;
        this.revoked = revoked;
        this.metrics = metrics;
    }

    public LiveMetrics metrics() {
        return metrics;
    }

    /** A driver's feed for {@code caller}: it ends when the caller's session is revoked. */
    public Opened open(long driverId, String after, Caller caller) {
        return open(LiveScope.driver(hub.keys(), driverId), after, caller);
    }

    /** As {@link #open(LiveScope, String)}, for {@code caller}: the feed ends when the caller's session is revoked. */
    public Opened open(LiveScope scope, String after, Caller caller) {
        Opened opened = open(scope, after);
        if (caller.sessionId() != null) {
            LiveFeed feed = opened.feed();
            watches.put(feed, revoked.watch(caller.sessionId(), () -> feed.close(
                    new FeedClosedException("session revoked: sign in again", feed.cursor(), false))));
        }
        return opened;
    }

    /**
     * The feed of {@code scope}, which the caller may read. Private: every feed opens for a caller, so none can
     * skip the sign-out watch. @throws ApiException 400 for a bad cursor, 503 when Redis is unavailable
     */
    private Opened open(LiveScope scope, String after) {
        if (after != null && after.isBlank()) {
            after = null;
        }
        if (after != null && !StreamIds.isValid(after)) {
            throw ApiException.badRequest("after", "after must be a cursor from a previous message");
        }
        try {
            LiveMessage resync = null;
            if (after != null && StreamIds.compare(after, StreamIds.ZERO) > 0) {
                String oldest = hub.oldest(scope.streamKey());
                if (oldest != null && StreamIds.compare(after, oldest) < 0) {
                    resync = LiveMessage.resync(after, "history before this cursor was trimmed: " + scope.reload()
                            + "; the changes still held follow");
                }
            }
            LiveFeed feed = hub.open(scope.streamKey(), after);
            String kind = LiveMetrics.feed(scope);
            kinds.put(feed, kind);
            metrics.opened(kind, after != null, resync != null);
            return new Opened(feed, LiveMessage.hello(scope.helloField(), scope.helloValue(), feed.cursor()), resync);
        } catch (RedisUnavailableException e) {
            throw ApiException.unavailable("live updates are unavailable while Redis is down; retry with your cursor");
        }
    }

    public void close(LiveFeed feed) {
        String kind = kinds.remove(feed);
        if (kind != null) {
            metrics.closed(kind);
        }
        AutoCloseable watch = watches.remove(feed);
        if (watch != null) {
            try {
                watch.close();
            } catch (Exception ignored) {
                // removing a watcher does not fail
            }
        }
        hub.close(feed);
    }

    /** The feed and the messages to send before its first change (resync may be null). */
    public record Opened(LiveFeed feed, LiveMessage hello, LiveMessage resync) {
    }
}
