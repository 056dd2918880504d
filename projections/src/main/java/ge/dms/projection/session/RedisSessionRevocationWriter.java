package ge.dms.projection.session;

import ge.dms.projection.source.SessionRevocationRow;
import ge.dms.schemas.view.RedisKeys;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;

import java.time.Clock;

/**
 * Writes a revoked session as {@code {p}session:revoked:{sid}} (value: expiry epoch ms, expiring
 * then, so Redis forgets it when no token of the session can be valid any more), then publishes
 * {@code <sid>|<expiry ms>} on {@code {p}session:revocations}. Key first: an instance that misses
 * the message (not subscribed yet, reconnecting) finds the key when it loads them all. A revocation
 * whose expiry has passed is skipped: its tokens are refused for their expiry anyway.
 */
public final class RedisSessionRevocationWriter implements SessionRevocationSink {

    private final StatefulRedisConnection<String, String> redis;
    private final RedisKeys keys;
    private final Clock clock;

    public RedisSessionRevocationWriter(StatefulRedisConnection<String, String> redis, RedisKeys keys, Clock clock) {
        this.redis = redis;
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public void revoked(SessionRevocationRow revocation) {
        long expiresMs = revocation.expiresAt().toEpochMilli();
        if (expiresMs <= clock.millis()) {
            return;
        }
        var sync = redis.sync();
        sync.set(keys.revokedSession(revocation.sessionId()), Long.toString(expiresMs), SetArgs.Builder.pxAt(expiresMs));
        sync.publish(keys.sessionRevocationsChannel(), revocation.sessionId() + "|" + expiresMs);
    }
}
