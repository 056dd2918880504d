package ge.dms.query.driver.live;

import ge.dms.schemas.view.RedisKeys;

/**
 * What one live feed reads: a driver's changes, a restaurant board's or the dispatcher queue's. The stream key is
 * the authorization scope: a controller checks the caller once, when the feed opens, and no event needs a database
 * read afterwards.
 *
 * @param streamKey the Redis stream
 * @param helloField the hello message's field naming the scope ({@code driverId}, {@code restaurantId}, {@code feed})
 * @param helloValue its value
 * @param reload     what to reload when history before a cursor was trimmed (the resync reason says it)
 */
public record LiveScope(String streamKey, String helloField, Object helloValue, String reload) {

    public static LiveScope driver(RedisKeys keys, long driverId) {
        return new LiveScope(keys.driverChanges(driverId), "driverId", driverId,
                "reload the queue (GET /api/drivers/" + driverId + "/deliveries)");
    }

    public static LiveScope restaurantBoard(RedisKeys keys, long restaurantId) {
        return new LiveScope(keys.restaurantChanges(restaurantId), "restaurantId", restaurantId,
                "reload the board (GET /api/restaurants/" + restaurantId + "/orders)");
    }

    public static LiveScope dispatch(RedisKeys keys) {
        return new LiveScope(keys.dispatchChanges(), "feed", "dispatch", "reload the queue (GET /api/dispatch/orders)");
    }
}
