package ge.dms.query.party;

import ge.dms.query.infra.ReadStore;
import ge.dms.query.infra.Redis;
import ge.dms.query.infra.Redis.RedisUnavailableException;
import ge.dms.query.infra.RedisGateway;
import ge.dms.query.order.ReadStoreOrders;
import ge.dms.query.order.RedisOrders;
import ge.dms.schemas.order.OrderStatus;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.async.RedisAsyncCommands;
import jakarta.inject.Singleton;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each driver's active load: the orders assigned to them and not yet delivered or cancelled (confirmed,
 * preparing, ready, out for delivery). The projections keep exactly that set per driver in Redis
 * ({@code {p}driver:{id}:active}, moved by every assignment, reassignment, delivery and cancellation), so a
 * page's loads are one pipelined {@code ZCARD} per driver; with Redis down, one count over {@code order_view}.
 */
@Singleton
public class DriverLoads {

    private static final String COUNT = """
            SELECT driver_id, count(*) FROM order_view
            WHERE driver_id = ANY (?) AND status IN (%s)
            GROUP BY driver_id
            """.formatted(OrderStatus.sqlLiterals(OrderStatus.ACTIVE_FOR_DRIVER));

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
        try (Connection c = store.connect(); PreparedStatement ps = c.prepareStatement(COUNT)) {
            Array ids = c.createArrayOf("bigint", driverIds.toArray());
            ps.setArray(1, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    loads.put(rs.getLong(1), rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw ReadStoreOrders.unavailable(e);
        }
        return loads;
    }

    record Loads(Map<Long, Long> byDriver, boolean fromRedis) {
    }
}
