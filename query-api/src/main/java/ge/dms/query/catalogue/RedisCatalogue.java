package ge.dms.query.catalogue;

import ge.dms.query.http.ListPage;
import ge.dms.query.infra.Redis;
import ge.dms.query.infra.RedisGateway;
import ge.dms.query.order.RedisOrders;
import io.lettuce.core.KeyValue;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.async.RedisAsyncCommands;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The restaurants' catalogue from Redis: the active products' sorted set (all, or one category), scored by
 * id, read after the cursor's id, then each product's JSON in the same pipelined round trip. Ids are unique
 * scores, so a keyset walk serves each product once; one deactivated between the two reads is left out.
 * Throws RedisUnavailableException when Redis cannot answer.
 */
@Singleton
public class RedisCatalogue {

    private final RedisOrders redis;
    private final RedisGateway gateway;

    public RedisCatalogue(RedisOrders redis, RedisGateway gateway) {
        this.redis = redis;
        this.gateway = gateway;
    }

    public ListPage page(ProductFilter f) {
        RedisAsyncCommands<String, String> commands = redis.commands();
        String key = f.category() == null ? gateway.keys().activeProducts() : gateway.keys().activeProductsInCategory(f.category());
        List<String> ids = Redis.await(commands.zrangebyscore(key, Range.from(Range.Boundary.excluding(f.afterId()),
                Range.Boundary.unbounded()), Limit.create(0, f.limit() + 1)), redis.timeout());
        boolean more = ids.size() > f.limit();
        List<String> taken = ids.subList(0, Math.min(f.limit(), ids.size()));
        List<RedisFuture<List<KeyValue<String, String>>>> futures = new ArrayList<>(taken.size());
        for (String id : taken) {
            futures.add(commands.hmget(gateway.keys().product(Long.parseLong(id)), "json", "active", "commitMs"));
        }
        List<String> rows = new ArrayList<>(taken.size());
        Instant newest = null;
        for (List<KeyValue<String, String>> fields : Redis.awaitAll(futures, redis.timeout())) {
            if (fields.get(0).hasValue() && "1".equals(fields.get(1).getValueOrElse(""))) {
                rows.add(fields.get(0).getValue());
                newest = ListPage.newer(newest, commitTime(fields.get(2)));
            }
        }
        String next = more ? ListPage.cursorAfter(Long.parseLong(taken.getLast())) : null;
        return new ListPage(rows, next, newest);
    }

    /** One product's JSON and commit time, if Redis holds it (deleted: empty). */
    public Optional<Found> find(long productId) {
        List<KeyValue<String, String>> fields = Redis.await(redis.commands().hmget(gateway.keys().product(productId),
                "json", "active", "commitMs"), redis.timeout());
        if (!fields.get(0).hasValue()) {
            return Optional.empty();
        }
        return Optional.of(new Found(fields.get(0).getValue(), "1".equals(fields.get(1).getValueOrElse("")),
                commitTime(fields.get(2))));
    }

    private static Instant commitTime(KeyValue<String, String> field) {
        String ms = field.getValueOrElse("");
        return ms.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(ms));
    }

    /** A product view as stored, whether restaurants may see it, and its source commit time. */
    public record Found(String json, boolean active, Instant commitTime) {
    }
}
