package ge.dms.query.driver.live;

import ge.dms.query.http.ApiException;
import ge.dms.query.infra.Redis.RedisUnavailableException;
import jakarta.inject.Singleton;

/** Opening a feed for a client: validates the cursor and prepends the hello (and, when history was trimmed, a resync). */
@Singleton
public class LiveSessions {

    private final LiveHub hub;

    public LiveSessions(LiveHub hub) {
        this.hub = hub;
    }

    /** A driver's feed. @throws ApiException 400 for a bad cursor, 503 when Redis is unavailable */
    public Opened open(long driverId, String after) {
        return open(LiveScope.driver(hub.keys(), driverId), after);
    }

    /** The feed of {@code scope}, which the caller may read. @throws ApiException 400 for a bad cursor, 503 when Redis is unavailable */
    public Opened open(LiveScope scope, String after) {
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
            return new Opened(feed, LiveMessage.hello(scope.helloField(), scope.helloValue(), feed.cursor()), resync);
        } catch (RedisUnavailableException e) {
            throw ApiException.unavailable("live updates are unavailable while Redis is down; retry with your cursor");
        }
    }

    public void close(LiveFeed feed) {
        hub.close(feed);
    }

    /** The feed and the messages to send before its first change (resync may be null). */
    public record Opened(LiveFeed feed, LiveMessage hello, LiveMessage resync) {
    }
}
