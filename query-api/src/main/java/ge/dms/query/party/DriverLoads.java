package ge.dms.query.party;

import ge.dms.query.infra.ReadStore;
import ge.dms.query.infra.Redis;
import ge.dms.query.infra.Redis.RedisUnavailableException;
import ge.dms.query.infra.RedisGateway;
import ge.dms.query.order.ReadStoreOrders;
import ge.dms.query.order.RedisOrders;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.async.RedisAsyncCommands;
import jakarta.inject.Singleton;

import org.jooq.Record2;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static ge.dms.readmodel.jooq.Tables.ORDER_VIEW;

/**
 * Each driver's active load: the orders assigned to them and not yet delivered or cancelled (confirmed,
 * preparing, ready, out for delivery). The projections keep exactly that set per driver in Redis
 * ({@code {p}driver:{id}:active}, moved by every assignment, reassignment, delivery and cancellation), so a
 * page's loads are one pipelined {@code ZCARD} per driver; with Redis down, one count over {@code order_view}.
 */
@Singleton
public class DriverLoads {

    private final RedisOrders redis;
    private final RedisGateway gateway;
    private final ReadStore store;

    public DriverLoads(RedisOrders redis, RedisGateway gateway, ReadStore store) {
        this.redis = redis;
        this.gateway = gateway;
        this.store = store;
    }

    /** Loads of the given drivers (0 for a driver with none) and whether Redis answered. */
    Loads of(List<Long> driverIds) {
        if (driverIds.isEmpty()) {
            return new Loads(Map.of(), true);
        }
        try {
            RedisAsyncCommands<String, String> commands = redis.commands();
            List<RedisFuture<Long>> futures = new ArrayList<>(driverIds.size());
            for (long id : driverIds) {
                futures.add(commands.zcard(gateway.keys().driverActive(id)));
            }
            List<Long> counts = Redis.awaitAll(futures, redis.timeout());
            Map<Long, Long> loads = new HashMap<>();
            for (int i = 0; i < driverIds.size(); i++) {
                loads.put(driverIds.get(i), counts.get(i));
            }
            return new Loads(loads, true);
        } catch (RedisUnavailableException e) {
            return new Loads(fromReadStore(driverIds), false);
        }
    }

    private Map<Long, Long> fromReadStore(List<Long> driverIds) {
        Map<Long, Long> loads = new HashMap<>();
        driverIds.forEach(id -> loads.put(id, 0L));
        try {
            // driver_id = ANY (?): one array parameter, one statement text whatever the page's size.
            for (Record2<Long, Integer> r : store.sql().select(ORDER_VIEW.DRIVER_ID, DSL.count()).from(ORDER_VIEW)
                    .where(ORDER_VIEW.DRIVER_ID.eq(DSL.any(driverIds.toArray(Long[]::new))))
                    .and(ReadStoreOrders.activeForDriver())
                    .groupBy(ORDER_VIEW.DRIVER_ID)
                    .fetch()) {
                loads.put(r.value1(), r.value2().longValue());
            }
        } catch (DataAccessException e) {
            throw ReadStoreOrders.unavailable(e);
        }
        return loads;
    }

    record Loads(Map<Long, Long> byDriver, boolean fromRedis) {
    }
}
