package ge.dms.projection.orderview.redis;

import ge.dms.projection.orderview.OrderViews;
import ge.dms.projection.orderview.ReferenceListener;
import ge.dms.projection.source.DriverRow;
import ge.dms.projection.source.RestaurantRow;
import ge.dms.schemas.serde.Json;
import ge.dms.schemas.view.OrderView;
import ge.dms.schemas.view.RedisKeys;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * The rename hot path. When a restaurant or driver that views already show changes, the foreign-key
 * joins would reach every view of it only after several exactly-once commits (seconds). This patches
 * the views Redis holds at once instead: a driver's active queue ({@code driver:{id}:active}), every
 * order of a restaurant ({@code restaurant:{id}:orders}), each through the same compare-and-set script
 * as any view, so the driver's socket hears of it like any change.
 *
 * <p>Safe next to the stream thread: a patch moves only the restaurant's or driver's LSN forward and
 * is applied only if nothing newer is held. When the joins later emit the same view it changes nothing;
 * if a newer order version written meanwhile still showed the old name, the joins' view (same version,
 * newer LSN) replaces it. Failures are logged and left to the joins.
 */
public final class RedisReferenceFanout implements ReferenceListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RedisReferenceFanout.class);

    private final RedisCommands<String, String> redis;
    private final RedisKeys keys;
    private final RedisOrderViewWriter writer;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "reference-fanout");
        t.setDaemon(true);
        return t;
    });

    /** @param connection its own connection: a restaurant with thousands of orders must not queue the stream thread's writes */
    public RedisReferenceFanout(StatefulRedisConnection<String, String> connection, RedisKeys keys, long streamMaxLength) {
        this.redis = connection.sync();
        this.keys = keys;
        this.writer = new RedisOrderViewWriter(connection, keys, streamMaxLength);
    }

    @Override
    public void driverChanged(DriverRow row) {
        worker.execute(() -> patch("driver", row.id(), keys.driverActive(row.id()), view -> OrderViews.withDriver(view, row)));
    }

    @Override
    public void restaurantChanged(RestaurantRow row) {
        worker.execute(() -> patch("restaurant", row.id(), keys.restaurantOrders(row.id()), view -> OrderViews.withRestaurant(view, row)));
    }

    /** Rewrites each view listed in {@code index} that {@code change} moves forward; returns how many were applied. */
    int patch(String kind, long id, String index, UnaryOperator<OrderView> change) {
        int applied = 0;
        try {
            List<String> orderIds = redis.zrange(index, 0, -1);
            for (String orderId : orderIds) {
                String json = redis.hget(keys.order(Long.parseLong(orderId)), "json");
                OrderView patched = json == null ? null : change.apply(Json.mapper().readValue(json, OrderView.class));
                if (patched != null && writer.apply(patched)) {
                    applied++;
                }
            }
            LOG.debug("{} {} changed: {} of {} views patched in Redis", kind, id, applied, orderIds.size());
        } catch (IOException | RuntimeException e) {
            LOG.warn("Patching the views of {} {} in Redis failed ({}); the foreign-key joins bring the change", kind, id, e.toString());
        }
        return applied;
    }

    @Override
    public void close() {
        worker.shutdown();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
