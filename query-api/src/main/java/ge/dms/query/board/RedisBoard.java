package ge.dms.query.board;

import ge.dms.query.http.Cursor;
import ge.dms.query.infra.Redis;
import ge.dms.query.infra.RedisGateway;
import ge.dms.query.order.RedisOrders;
import ge.dms.schemas.order.OrderStatus;
import ge.dms.schemas.serde.Json;
import ge.dms.schemas.view.BoardRow;
import ge.dms.schemas.view.OrderView;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The board from Redis: the restaurant's sorted set (all orders, or one status), or the dispatcher
 * queue's (one open status across restaurants, optionally only the orders without a driver), scored
 * by creation time, walked newest first by keyset (score, order id). Redis orders equal scores by
 * member text, not number, so the group of equal scores at a page edge is always read whole and
 * ordered by id here: each order is served exactly once however the set changes meanwhile.
 *
 * <p>The rows come from the restaurant's board hash, or the dispatcher's hash of open orders
 * ({@link BoardRow}, written with the view), in one {@code HMGET}, and are served as the UTF-8 bytes
 * stored: no JSON is parsed or written per row, no text decoded or encoded. A row whose status no longer matches the filter (changed between the
 * index read and the {@code HMGET}) is dropped by its stored status prefix.
 */
@Singleton
public class RedisBoard {

    private static final Logger LOG = LoggerFactory.getLogger(RedisBoard.class);

    private final RedisOrders orders;
    private final RedisGateway gateway;
    private final AtomicBoolean reportedMissingRows = new AtomicBoolean();

    public RedisBoard(RedisOrders orders, RedisGateway gateway) {
        this.orders = orders;
        this.gateway = gateway;
    }

    /**
     * True when Redis holds an index for the filter: a restaurant's board without a driver filter (all orders or one
     * status), or the dispatcher queue of one open status (all, or without a driver). Everything else is the read side's.
     */
    public static boolean serves(BoardFilter f) {
        if (f.driverId() != null) {
            return false;
        }
        return f.restaurantId() != null ? !f.unassigned() : OrderStatus.isIn(f.status(), OrderStatus.OPEN);
    }

    /**
     * The page, without blocking a thread: every Redis call is chained on its answer (on Lettuce's event loop), so
     * the caller's thread (an HTTP event loop) is never held. Fails with {@link Redis.RedisUnavailableException} when
     * Redis cannot answer in time.
     */
    public CompletableFuture<BoardPage> page(BoardFilter f) {
        if (!serves(f)) {
            throw new IllegalArgumentException("Redis holds no index for " + f);
        }
        RedisAsyncCommands<String, String> redis = orders.commands();
        String key;
        if (f.restaurantId() != null) {
            key = f.status() == null ? gateway.keys().restaurantOrders(f.restaurantId())
                    : gateway.keys().restaurantStatus(f.restaurantId(), f.status());
        } else {
            key = f.unassigned() ? gateway.keys().dispatchUnassigned(f.status()) : gateway.keys().dispatchStatus(f.status());
        }
        Range.Boundary<Long> lower = f.from() == null ? Range.Boundary.unbounded() : Range.Boundary.including(f.from().toEpochMilli());
        Range.Boundary<Long> upper;
        CompletableFuture<List<ScoredValue<String>>> cursorGroup;
        if (f.cursor() != null) {
            long cs = f.cursor().millis();
            cursorGroup = timed(redis.zrangebyscoreWithScores(key, Range.create(cs, cs)));
            upper = Range.Boundary.excluding(cs);
        } else {
            cursorGroup = CompletableFuture.completedFuture(List.of());
            upper = f.to() == null ? Range.Boundary.unbounded() : Range.Boundary.excluding(f.to().toEpochMilli());
        }
        if (f.cursor() != null && f.to() != null && f.to().toEpochMilli() <= f.cursor().millis()) {
            upper = Range.Boundary.excluding(f.to().toEpochMilli());
        }
        // Sent before the cursor's group is answered: both travel in one round trip.
        CompletableFuture<List<ScoredValue<String>>> next = timed(redis.zrevrangebyscoreWithScores(key, Range.from(lower, upper),
                Limit.create(0, f.limit() + 1)));
        return cursorGroup.thenCombine(next, (group, rest) -> {
            Map<Long, Long> found = new LinkedHashMap<>(); // order id -> score
            if (f.cursor() != null) {
                long cs = f.cursor().millis();
                for (ScoredValue<String> v : group) {
                    long id = Long.parseLong(v.getValue());
                    if (id < f.cursor().orderId() && inRange(f, cs)) {
                        found.put(id, cs);
                    }
                }
            }
            for (ScoredValue<String> v : rest) {
                found.put(Long.parseLong(v.getValue()), (long) v.getScore());
            }
            return new Found(found, rest.size() > f.limit() ? (long) rest.getLast().getScore() : null);
        }).thenCompose(found -> found.edge() == null ? CompletableFuture.completedFuture(found.ids())
                : timed(redis.zrangebyscoreWithScores(key, Range.create(found.edge(), found.edge()))).thenApply(edgeGroup -> {
                    for (ScoredValue<String> v : edgeGroup) {
                        found.ids().put(Long.parseLong(v.getValue()), found.edge());
                    }
                    return found.ids();
                })).thenCompose(found -> {
                    List<Map.Entry<Long, Long>> sorted = new ArrayList<>(found.entrySet());
                    sorted.sort(Comparator.<Map.Entry<Long, Long>>comparingLong(Map.Entry::getValue).reversed()
                            .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()));
                    boolean more = sorted.size() > f.limit();
                    List<Map.Entry<Long, Long>> taken = sorted.subList(0, Math.min(f.limit(), sorted.size()));
                    String nextCursor = more ? new Cursor(taken.getLast().getValue(), taken.getLast().getKey(), false).encode() : null;
                    return rows(redis, f, taken.stream().map(Map.Entry::getKey).toList(), nextCursor);
                });
    }

    /** The ids found so far (order id -> score), and the score of the page's edge group still to read whole, if any. */
    private record Found(Map<Long, Long> ids, Long edge) {
    }

    /** The board rows of {@code ids}, in that order, with one HMGET. */
    private CompletableFuture<BoardPage> rows(RedisAsyncCommands<String, String> redis, BoardFilter f, List<Long> ids, String nextCursor) {
        if (ids.isEmpty()) {
            return CompletableFuture.completedFuture(new BoardPage(List.of(), nextCursor, null));
        }
        String rowsKey = f.restaurantId() != null ? gateway.keys().restaurantBoard(f.restaurantId()) : gateway.keys().dispatchBoard();
        CommandArgs<String, String> args = new CommandArgs<>(StringCodec.UTF8).addKey(rowsKey);
        for (long id : ids) {
            args.add(id);
        }
        return timed(redis.dispatch(CommandType.HMGET, new RawValuesOutput(), args))
                .thenCompose(stored -> derivedRows(f, ids, stored).thenApply(derived -> page(f, ids, stored, derived, nextCursor)));
    }

    private static BoardPage page(BoardFilter f, List<Long> ids, List<byte[]> stored, Map<Long, BoardRow> derived, String nextCursor) {
        List<ByteBuffer> rows = new ArrayList<>(ids.size());
        long newest = Long.MIN_VALUE;
        for (int i = 0; i < ids.size(); i++) {
            if (stored.get(i) != null) {
                StoredRow row = StoredRow.of(stored.get(i));
                if (f.status() == null || row.hasStatus(f.status())) { // else: changed status after the index was read
                    rows.add(row.json());
                    newest = Math.max(newest, row.commitMillis());
                }
            } else if (derived.containsKey(ids.get(i))) {
                BoardRow row = derived.get(ids.get(i));
                rows.add(ByteBuffer.wrap(BoardJson.bytes(row)));
                newest = row.sourceCommitTime() == null ? newest : Math.max(newest, row.sourceCommitTime().toEpochMilli());
            }
        }
        return new BoardPage(rows, nextCursor, newest == Long.MIN_VALUE ? null : Instant.ofEpochMilli(newest));
    }

    /**
     * Rows the board hash does not hold (orders last written before board rows existed, until the
     * views are rebuilt; or an order that moved to another restaurant meanwhile): derived from the
     * order view, the slow way, and only when still this restaurant's and of the filter's status.
     */
    private CompletableFuture<Map<Long, BoardRow>> derivedRows(BoardFilter f, List<Long> ids, List<byte[]> stored) {
        List<Long> missing = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (stored.get(i) == null) {
                missing.add(ids.get(i));
            }
        }
        if (missing.isEmpty()) {
            return CompletableFuture.completedFuture(Map.of());
        }
        if (reportedMissingRows.compareAndSet(false, true)) {
            LOG.info("Board of restaurant {} (null: the dispatcher queue): {} order(s) without a board row; derived from "
                    + "their views. Rebuild the views "
                    + "(./dev rebuild-views, ViewRebuild) if they were written before board rows existed", f.restaurantId(),
                    missing.size());
        }
        return orders.viewsAsync(missing).thenApply(views -> {
            Map<Long, BoardRow> derived = new HashMap<>();
            for (String json : views) {
                OrderView view = parse(json);
                boolean sameRestaurant = f.restaurantId() == null || view.restaurantId() == f.restaurantId();
                if (sameRestaurant && (f.status() == null || f.status().equals(view.status()))
                        && (!f.unassigned() || view.driverId() == null)) {
                    derived.put(view.orderId(), BoardRow.of(view));
                }
            }
            return derived;
        });
    }

    private static OrderView parse(String json) {
        try {
            return Json.mapper().readValue(json, OrderView.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean inRange(BoardFilter f, long score) {
        return (f.from() == null || score >= f.from().toEpochMilli()) && (f.to() == null || score < f.to().toEpochMilli());
    }

    private <T> CompletableFuture<T> timed(RedisFuture<T> future) {
        return Redis.timed(future, orders.timeout());
    }
}
