package ge.dms.projection.analytics;

import ge.dms.schemas.serde.Json;
import ge.dms.schemas.view.RedisKeys;
import ge.dms.projection.redis.RedisRetry;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * Live analytics in Redis: each changed (dimension, id, day) row as JSON under
 * {@link RedisKeys#analyticsDay} ({@code {prefix}analytics:{dimension}:{id}:{day}}), expiring after {@link #TTL} so only the
 * current and previous day stay hot (older ranges are read from PostgreSQL). Each write carries
 * the row's whole state, so a replay (or a retry while Redis restarts, {@link RedisRetry}) is harmless.
 */
public final class RedisAnalyticsWriter implements AnalyticsSink {

    public static final Duration TTL = Duration.ofHours(48);

    private final RedisCommands<String, String> redis;
    private final RedisKeys keys;

    public RedisAnalyticsWriter(StatefulRedisConnection<String, String> connection, RedisKeys keys) {
        this.redis = connection.sync();
        this.keys = keys;
    }

    public String key(AnalyticsKey key) {
        return keys.analyticsDay(key.dimension(), key.id(), key.day());
    }

    @Override
    public void write(AnalyticsKey key, DailyFigures figures) {
        String json;
        try {
            json = Json.mapper().writeValueAsString(figures);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = key(key);
        RedisRetry.call(() -> redis.set(name, json, SetArgs.Builder.ex(TTL)), name);
    }
}
