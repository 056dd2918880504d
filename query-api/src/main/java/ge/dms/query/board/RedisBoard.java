package ge.dms.query.board;

import ge.dms.query.http.Cursor;
import ge.dms.query.infra.Redis;
import ge.dms.query.infra.RedisGateway;
import ge.dms.query.order.RedisOrders;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.api.async.RedisAsyncCommands;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The board from Redis: the restaurant's sorted set (all orders, or one status), scored by
 * creation time, walked newest first by keyset (score, order id). Redis orders equal scores by
 * member text, not number, so the group of equal scores at a page edge is always read whole and
 * ordered by id here: each order is served exactly once however the set changes meanwhile.
 */
@Singleton
public class RedisBoard {

    private final RedisOrders orders;
    private final RedisGateway gateway;

    public RedisBoard(RedisOrders orders, RedisGateway gateway) {
        this.orders = orders;
        this.gateway = gateway;
    }

    public BoardPage page(BoardFilter f) {
        RedisAsyncCommands<String, String> redis = orders.commands();
        String key = f.status() == null ? gateway.keys().restaurantOrders(f.restaurantId())
                : gateway.keys().restaurantStatus(f.restaurantId(), f.status());
        Range.Boundary<Long> lower = f.from() == null ? Range.Boundary.unbounded() : Range.Boundary.including(f.from().toEpochMilli());
        Map<Long, Long> found = new LinkedHashMap<>(); // order id -> score
        Range.Boundary<Long> upper;
        if (f.cursor() != null) {
            long cs = f.cursor().millis();
            for (ScoredValue<String> v : await(redis.zrangebyscoreWithScores(key, Range.create(cs, cs)))) {
                long id = Long.parseLong(v.getValue());
                if (id < f.cursor().orderId() && inRange(f, cs)) {
                    found.put(id, cs);
                }
            }
            upper = Range.Boundary.excluding(cs);
        } else {
            upper = f.to() == null ? Range.Boundary.unbounded() : Range.Boundary.excluding(f.to().toEpochMilli());
        }
        if (f.cursor() != null && f.to() != null && f.to().toEpochMilli() <= f.cursor().millis()) {
            upper = Range.Boundary.excluding(f.to().toEpochMilli());
        }
        List<ScoredValue<String>> rest = await(redis.zrevrangebyscoreWithScores(key, Range.from(lower, upper),
                Limit.create(0, f.limit() + 1)));
        for (ScoredValue<String> v : rest) {
            found.put(Long.parseLong(v.getValue()), (long) v.getScore());
        }
        if (rest.size() > f.limit()) {
            long edge = (long) rest.getLast().getScore();
            for (ScoredValue<String> v : await(redis.zrangebyscoreWithScores(key, Range.create(edge, edge)))) {
                found.put(Long.parseLong(v.getValue()), edge);
            }
        }
        List<Map.Entry<Long, Long>> sorted = new ArrayList<>(found.entrySet());
        sorted.sort(Comparator.<Map.Entry<Long, Long>>comparingLong(Map.Entry::getValue).reversed()
                .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()));
        boolean more = sorted.size() > f.limit();
        List<Map.Entry<Long, Long>> taken = sorted.subList(0, Math.min(f.limit(), sorted.size()));
        List<String> views = orders.views(taken.stream().map(Map.Entry::getKey).toList());
        if (f.status() != null) {
            views = views.stream().filter(v -> RedisOrders.hasStatus(v, f.status())).toList();
        }
        String next = more ? new Cursor(taken.getLast().getValue(), taken.getLast().getKey(), false).encode() : null;
        return new BoardPage(views, next);
    }

    private static boolean inRange(BoardFilter f, long score) {
        return (f.from() == null || score >= f.from().toEpochMilli()) && (f.to() == null || score < f.to().toEpochMilli());
    }

    private <T> T await(io.lettuce.core.RedisFuture<T> future) {
        return Redis.await(future, orders.timeout());
    }
}
