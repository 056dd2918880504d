package ge.dms.query.infra;

/**
 * The Redis key layout the projections write (their {@code RedisKeys}; an IT checks the two agree).
 * Every key starts with a configurable prefix ({@code dms:} in production).
 */
public record ViewKeys(String prefix) {

    public ViewKeys {
        prefix = prefix == null ? "" : prefix;
    }

    /** Hash: json, version, lsn, rlsn, dlsn, status, restaurant, driver. */
    public String order(long orderId) {
        return prefix + "order:" + orderId;
    }

    /** Sorted set of every order of a restaurant, scored by creation time (epoch ms). */
    public String restaurantOrders(long restaurantId) {
        return prefix + "restaurant:" + restaurantId + ":orders";
    }

    /** Sorted set of a restaurant's orders in one status, scored by creation time (epoch ms). */
    public String restaurantStatus(long restaurantId, String status) {
        return prefix + "restaurant:" + restaurantId + ":status:" + status;
    }

    /** Sorted set of a driver's active orders, scored by requested delivery time (epoch ms). */
    public String driverActive(long driverId) {
        return prefix + "driver:" + driverId + ":active";
    }

    /** Stream of changes to a driver's orders: fields orderId, version, change (upsert|unassigned), status, commitMs, view. */
    public String driverChanges(long driverId) {
        return prefix + "driver:" + driverId + ":changes";
    }
}
