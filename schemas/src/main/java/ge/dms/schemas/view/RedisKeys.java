package ge.dms.schemas.view;

/**
 * The Redis key layout of the order views: a contract between the projections, which write it,
 * and the query API, which reads it (documented in projections/README.md). Every key starts with
 * a configurable prefix ({@code dms:} in production, {@code DMS_REDIS_KEY_PREFIX}; a test's
 * namespace in tests).
 */
public record RedisKeys(String prefix) {

    public RedisKeys {
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

    /**
     * Hash of the restaurant's board rows: field = order id, value = {@link BoardRow#stored()}
     * ({@code <commit ms>|<status>|<row JSON>}), written with the view. One {@code HMGET} reads a
     * page whose ids came from {@link #restaurantOrders} or {@link #restaurantStatus}.
     */
    public String restaurantBoard(long restaurantId) {
        return prefix + "restaurant:" + restaurantId + ":board";
    }

    /** Stream of changes to a restaurant's orders (bounded by MAXLEN), the restaurant board's live feed:
     *  fields orderId, version, change (upsert|moved), status, commitMs, row (the {@link BoardRow} JSON). */
    public String restaurantChanges(long restaurantId) {
        return prefix + "restaurant:" + restaurantId + ":changes";
    }

    /** Sorted set of the open orders (pending … out_for_delivery) in one status across all restaurants,
     *  scored by creation time (epoch ms): the dispatcher queue. */
    public String dispatchStatus(String status) {
        return prefix + "dispatch:status:" + status;
    }

    /** The same, only the orders without a driver ("ready, no driver"). */
    public String dispatchUnassigned(String status) {
        return prefix + "dispatch:unassigned:" + status;
    }

    /** Hash of the open orders' board rows across restaurants: field = order id, value = {@link BoardRow#stored()}. */
    public String dispatchBoard() {
        return prefix + "dispatch:board";
    }

    /** Stream of changes to every order (bounded by MAXLEN), the dispatcher queue's live feed; fields as
     *  {@link #restaurantChanges}. */
    public String dispatchChanges() {
        return prefix + "dispatch:changes";
    }

    /** Sorted set of a driver's active orders, scored by requested delivery time (epoch ms). */
    public String driverActive(long driverId) {
        return prefix + "driver:" + driverId + ":active";
    }

    /** Stream of changes to a driver's orders (bounded by MAXLEN), for live push and replay on reconnect:
     *  fields orderId, version, change (upsert|unassigned), status, commitMs, view. */
    public String driverChanges(long driverId) {
        return prefix + "driver:" + driverId + ":changes";
    }

    /** Bucket4j's state of one caller's rate-limit bucket ({@code role:id}), when the query API shares its limits. */
    public String rateLimit(String caller) {
        return prefix + "rate-limit:" + caller;
    }

    /** String, value = the revocation's expiry (epoch ms), expiring then: a signed-out session (the token's
     *  {@code sid}), written by the projections from {@code dms.cdc.session_revocations}. */
    public String revokedSession(String sessionId) {
        return prefix + "session:revoked:" + sessionId;
    }

    /** SCAN pattern of every {@link #revokedSession} key (query-api loads them at start and after a reconnect). */
    public String revokedSessionPattern() {
        return prefix + "session:revoked:*";
    }

    /** Pub/sub channel: message {@code <session id>|<expiry epoch ms>}, published after each {@link #revokedSession} write. */
    public String sessionRevocationsChannel() {
        return prefix + "session:revocations";
    }

    /** Hash of one catalogue product: {@code json} ({@link ProductView}), {@code lsn}, {@code category}, {@code active},
     *  {@code commitMs}; {@code deleted} = 1 (and no json) once the row is gone, so an older replay cannot bring it back. */
    public String product(long productId) {
        return prefix + "product:" + productId;
    }

    /** Sorted set of the active products (the restaurants' catalogue), scored by product id. */
    public String activeProducts() {
        return prefix + "products:active";
    }

    /** Sorted set of the active products of one category, scored by product id. */
    public String activeProductsInCategory(String category) {
        return prefix + "products:active:category:" + category;
    }
}
