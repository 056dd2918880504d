package ge.dms.query.order;

import ge.dms.query.QueryConfig;
import ge.dms.query.infra.Redis;
import ge.dms.query.infra.RedisGateway;
import ge.dms.query.infra.ViewJson;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.async.RedisAsyncCommands;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Order views from Redis (the hashes {@code {prefix}order:{id}}). Throws RedisUnavailableException when it cannot answer. */
@Singleton
public class RedisOrders {

    private final RedisGateway redis;
    private final Duration timeout;

    public RedisOrders(RedisGateway redis, QueryConfig config) {
        this.redis = redis;
        this.timeout = config.getRedisTimeout();
    }

    public RedisAsyncCommands<String, String> commands() {
        return redis.commands().orElseThrow(() -> new Redis.RedisUnavailableException(new IllegalStateException("not connected")));
    }

    public Duration timeout() {
        return timeout;
    }

    /** The order's view, completing on Lettuce's event loop (empty when Redis holds none). */
    public CompletableFuture<Optional<StoredOrder>> findAsync(long orderId) {
        return Redis.timed(commands().hmget(redis.keys().order(orderId), "json", "version", "restaurant", "driver"), timeout)
                .thenApply(fields -> stored(orderId, fields));
    }

    private static Optional<StoredOrder> stored(long orderId, List<KeyValue<String, String>> fields) {
        if (fields.isEmpty() || !fields.getFirst().hasValue()) {
            return Optional.empty();
        }
        String json = fields.get(0).getValue();
        String driver = fields.get(3).getValueOrElse("");
        return Optional.of(new StoredOrder(orderId, json, Long.parseLong(fields.get(1).getValue()),
                Long.parseLong(fields.get(2).getValue()), driver.isEmpty() ? null : Long.parseLong(driver),
                ViewJson.commitTime(ViewJson.parse(json))));
    }

    /** {@link #views}, without blocking: completes once every answer is in. */
    public CompletableFuture<List<String>> viewsAsync(List<Long> orderIds) {
        RedisAsyncCommands<String, String> commands = commands();
        List<CompletableFuture<String>> futures = new ArrayList<>(orderIds.size());
        for (long id : orderIds) {
            futures.add(Redis.timed(commands.hget(redis.keys().order(id), "json"), timeout));
        }
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                .thenApply(done -> futures.stream().map(CompletableFuture::join).filter(java.util.Objects::nonNull).toList());
    }

    /** The view JSON of each id, pipelined, in the given order; ids without a view are left out. */
    public List<String> views(List<Long> orderIds) {
        RedisAsyncCommands<String, String> commands = commands();
        List<RedisFuture<String>> futures = new ArrayList<>(orderIds.size());
        for (long id : orderIds) {
            futures.add(commands.hget(redis.keys().order(id), "json"));
        }
        List<String> views = new ArrayList<>(orderIds.size());
        for (String json : Redis.awaitAll(futures, timeout)) {
            if (json != null) {
                views.add(json);
            }
        }
        return views;
    }
}
