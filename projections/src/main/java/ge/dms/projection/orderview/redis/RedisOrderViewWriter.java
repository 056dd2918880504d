package ge.dms.projection.orderview.redis;

import ge.dms.schemas.view.RedisKeys;
import ge.dms.projection.orderview.HopMetrics;
import ge.dms.projection.redis.LuaScript;
import ge.dms.projection.orderview.HopTrace;
import ge.dms.projection.orderview.OrderViewSink;
import ge.dms.schemas.order.OrderStatus;
import ge.dms.schemas.serde.Json;
import ge.dms.schemas.view.BoardRow;
import ge.dms.schemas.view.OrderView;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;

/**
 * Writes order views to Redis: the view, the restaurant board indexes and board row ({@link BoardRow}),
 * the driver's active queue and the driver's change stream, the dispatcher queue's indexes and rows (open orders
 * across restaurants), and the restaurant's and the dispatcher's change streams (live boards), all in one Lua script that first compares the view's version and LSNs with
 * what Redis holds ({@link OrderView#isNewerThan}), so a replay or duplicate changes nothing. Key layout: {@link RedisKeys}.
 * Connection loss and timeouts are retried a few times (logged); anything else is permanent.
 */
public final class RedisOrderViewWriter implements OrderViewSink {

    /**
     * The dispatcher's change stream carries every order's changes, a driver's or restaurant's only its own:
     * it keeps this many times as many entries, so an admin's screen can resume after a comparable gap.
     */
    static final long DISPATCH_STREAM_FACTOR = 10;

    private final LuaScript script;
    private final RedisAsyncCommands<String, String> async;
    private final RedisKeys keys;
    /** The held view's keys as templates, the same for every call: only the script knows the held ids (ARGV 20-27). */
    private final String[] heldKeyTemplates;
    private final long streamMaxLength;
    private final HopMetrics hops;
    /** What this writer's hot path published: a replayed view found there is put back with no stream entry. */
    private final PublishedViews published = new PublishedViews();

    /**
     * @param streamMaxLength approximate bound of each driver's and restaurant's change stream: how far back a
     *                        reconnecting client can replay (the dispatcher's: {@value #DISPATCH_STREAM_FACTOR} times that)
     */
    public RedisOrderViewWriter(StatefulRedisConnection<String, String> connection, RedisKeys keys, long streamMaxLength) {
        this(connection, keys, streamMaxLength, HopMetrics.NONE);
    }

    /** As above, recording each applied hot-path view's hops in {@code hops}. */
    public RedisOrderViewWriter(StatefulRedisConnection<String, String> connection, RedisKeys keys, long streamMaxLength,
                                HopMetrics hops) {
        this.hops = hops;
        this.script = new LuaScript(RedisOrderViewWriter.class, "apply-order-view.lua", connection.sync());
        this.async = connection.async();
        this.keys = keys;
        this.streamMaxLength = streamMaxLength;
        this.heldKeyTemplates = new String[] {keys.restaurantOrders(RedisKeys.RESTAURANT),
                keys.restaurantStatus(RedisKeys.RESTAURANT, RedisKeys.STATUS), keys.restaurantBoard(RedisKeys.RESTAURANT),
                keys.restaurantChanges(RedisKeys.RESTAURANT), keys.dispatchStatus(RedisKeys.STATUS),
                keys.dispatchUnassigned(RedisKeys.STATUS), keys.driverActive(RedisKeys.DRIVER), keys.driverChanges(RedisKeys.DRIVER)};
    }

    @Override
    public void write(OrderView view) {
        apply(view, null);
    }

    @Override
    public void write(OrderView view, HopTrace trace) {
        apply(view, trace);
    }

    /** Applies the view; returns false when Redis already held this or a newer one. */
    public boolean apply(OrderView view) {
        return apply(view, null);
    }

    /**
     * Sends the same script without waiting for its answer: the future completes with 1 (applied) or 0.
     * Commands on one connection are executed in the order sent, so views of one order stay in order.
     * A failure (including Redis having lost the script) is for the caller to settle, e.g. with {@link #apply}.
     * A view this writer published already (a replay after an aborted commit) is put back with no stream entry.
     */
    public RedisFuture<Long> applyAsync(OrderView view, HopTrace trace) {
        RedisFuture<Long> answer = async.evalsha(script.sha(), ScriptOutputType.INTEGER, keysOf(view),
                arguments(view, trace, published.published(view)));
        answer.thenAccept(applied -> { // on Lettuce's thread, when Redis answered
            published.publish(view);
            if (trace != null) {
                hops.applied(trace);
            }
        });
        return answer;
    }

    /** The same, waiting for the answer; {@code trace} (may be null) goes into the driver's change stream entry. */
    public boolean apply(OrderView view, HopTrace trace) {
        Long applied = script.call(keysOf(view), arguments(view, trace, published.published(view)), "order " + view.orderId());
        published.publish(view);
        hops.applied(trace);
        return applied != null && applied == 1L;
    }

    /**
     * Builds the script's keys and arguments of {@code view} as a write would, and sends nothing: the start's warm-up
     * ({@code OrderViewWarmUp}) runs the hot path's own code before any real change arrives. Returns the argument count.
     */
    public int rehearse(OrderView view, HopTrace trace) {
        return keysOf(view).length + arguments(view, trace, false).length;
    }

    /**
     * Puts a view back that an emptied Redis lost ({@link RedisViewRefill}): applied only if newer than what Redis holds,
     * like any view, but with no stream entry, since it is no change (its screens had it). Returns whether it was applied.
     */
    public boolean refill(OrderView view) {
        Long applied = script.call(keysOf(view), arguments(view, null, true), "order " + view.orderId());
        return applied != null && applied == 1L;
    }

    /** Every key of the view itself, in the script's KEYS order (all declared, as Redis Cluster wants them). */
    private String[] keysOf(OrderView view) {
        long restaurant = view.restaurantId();
        String[] own = {keys.order(view.orderId()), keys.restaurantOrders(restaurant), keys.restaurantStatus(restaurant, view.status()),
                keys.restaurantBoard(restaurant), keys.restaurantChanges(restaurant), keys.dispatchStatus(view.status()),
                keys.dispatchUnassigned(view.status()), keys.dispatchBoard(), keys.dispatchChanges()};
        if (view.driverId() == null) {
            return own;
        }
        String[] withDriver = Arrays.copyOf(own, own.length + 2);
        withDriver[own.length] = keys.driverActive(view.driverId());
        withDriver[own.length + 1] = keys.driverChanges(view.driverId());
        return withDriver;
    }

    private String[] arguments(OrderView view, HopTrace trace, boolean refill) {
        String json;
        try {
            json = Json.mapper().writeValueAsString(view);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long created = epochMs(view.createdAt(), 0);
        long queueScore = epochMs(view.requestedDeliveryAt(), created);
        boolean active = OrderStatus.isIn(view.status(), OrderStatus.ACTIVE_FOR_DRIVER);
        String[] own = {Long.toString(view.orderId()), Long.toString(view.version()),
                Long.toString(view.sourceLsn()), view.status(), Long.toString(view.restaurantId()),
                view.driverId() == null ? "" : view.driverId().toString(), Long.toString(created),
                Long.toString(queueScore), json, active ? "1" : "0", Long.toString(streamMaxLength),
                view.sourceCommitTime() == null ? "" : Long.toString(view.sourceCommitTime().toEpochMilli()),
                Long.toString(view.restaurantLsn()), Long.toString(view.driverLsn()), BoardRow.of(view).stored(),
                trace == null ? "" : trace.stored(), OrderStatus.isIn(view.status(), OrderStatus.OPEN) ? "1" : "0",
                Long.toString(streamMaxLength * DISPATCH_STREAM_FACTOR), view.requestId() == null ? "" : view.requestId()};
        String[] all = Arrays.copyOf(own, own.length + heldKeyTemplates.length + 1);
        System.arraycopy(heldKeyTemplates, 0, all, own.length, heldKeyTemplates.length);
        all[all.length - 1] = refill ? "1" : "0";
        return all;
    }

    private static long epochMs(Instant instant, long otherwise) {
        return instant == null ? otherwise : instant.toEpochMilli();
    }
}
