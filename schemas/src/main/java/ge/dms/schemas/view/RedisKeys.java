package ge.dms.schemas.view;

import java.time.LocalDate;
import java.util.List;

/**
 * The Redis key layout of the order views: a contract between the projections, which write it,
 * and the query API, which reads it (documented in projections/README.md). Every key starts with
 * a configurable prefix ({@code dms:} in production, {@code DMS_REDIS_KEY_PREFIX}; a test's
 * namespace in tests).
 *
 * <p>The projections' Lua scripts build no key names: they get every key of the view they apply, and for
 * the keys of the view Redis held before (its restaurant, status, driver, category, which only Redis knows)
 * a template from here with a stand-in ({@link #RESTAURANT}, {@link #STATUS}, {@link #DRIVER},
 * {@link #CATEGORY}) where the script puts the held value: {@code restaurantStatus(RESTAURANT, STATUS)}.
 */
public record RedisKeys(String prefix) {

    /** Stands for a restaurant id in a key template. */
    public static final String RESTAURANT = "<restaurant>";
    /** Stands for an order status in a key template. */
    public static final String STATUS = "<status>";
    /** Stands for a driver id in a key template. */
    public static final String DRIVER = "<driver>";
    /** Stands for a product category in a key template. */
    public static final String CATEGORY = "<category>";

    public RedisKeys {
        prefix = prefix == null ? "" : prefix;
        if (prefix.contains("<")) {
            // A script fills a template's first stand-in: one in the prefix would be taken for it.
            throw new IllegalArgumentException("a Redis key prefix may not contain '<': " + prefix);
        }
    }

    /** Hash: json, version, lsn, rlsn, dlsn, status, restaurant, driver. */
    public String order(long orderId) {
        return prefix + "order:" + orderId;
    }

    /** Sorted set of every order of a restaurant, scored by creation time (epoch ms). */
    public String restaurantOrders(long restaurantId) {
        return restaurantOrders(Long.toString(restaurantId));
    }

    /** {@link #restaurantOrders(long)} with the id as text ({@link #RESTAURANT} for a template). */
    public String restaurantOrders(String restaurantId) {
        return prefix + "restaurant:" + restaurantId + ":orders";
    }

    /** Sorted set of a restaurant's orders in one status, scored by creation time (epoch ms). */
    public String restaurantStatus(long restaurantId, String status) {
        return restaurantStatus(Long.toString(restaurantId), status);
    }

    /** {@link #restaurantStatus(long, String)} with the id as text ({@link #RESTAURANT} for a template). */
    public String restaurantStatus(String restaurantId, String status) {
        return prefix + "restaurant:" + restaurantId + ":status:" + status;
    }

    /**
     * Hash of the restaurant's board rows: field = order id, value = {@link BoardRow#stored()}
     * ({@code <commit ms>|<status>|<row JSON>}), written with the view. One {@code HMGET} reads a
     * page whose ids came from {@link #restaurantOrders} or {@link #restaurantStatus}.
     */
    public String restaurantBoard(long restaurantId) {
        return restaurantBoard(Long.toString(restaurantId));
    }

    /** {@link #restaurantBoard(long)} with the id as text ({@link #RESTAURANT} for a template). */
    public String restaurantBoard(String restaurantId) {
        return prefix + "restaurant:" + restaurantId + ":board";
    }

    /** Stream of changes to a restaurant's orders (bounded by MAXLEN), the restaurant board's live feed:
     *  fields orderId, version, change (upsert|moved), status, commitMs, row (the {@link BoardRow} JSON). */
    public String restaurantChanges(long restaurantId) {
        return restaurantChanges(Long.toString(restaurantId));
    }

    /** {@link #restaurantChanges(long)} with the id as text ({@link #RESTAURANT} for a template). */
    public String restaurantChanges(String restaurantId) {
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
        return driverActive(Long.toString(driverId));
    }

    /** {@link #driverActive(long)} with the id as text ({@link #DRIVER} for a template). */
    public String driverActive(String driverId) {
        return prefix + "driver:" + driverId + ":active";
    }

    /** Stream of changes to a driver's orders (bounded by MAXLEN), for live push and replay on reconnect:
     *  fields orderId, version, change (upsert|unassigned), status, commitMs, view. */
    public String driverChanges(long driverId) {
        return driverChanges(Long.toString(driverId));
    }

    /** {@link #driverChanges(long)} with the id as text ({@link #DRIVER} for a template). */
    public String driverChanges(String driverId) {
        return prefix + "driver:" + driverId + ":changes";
    }

    /** String (the day's figures as JSON), expiring after two days: today's and yesterday's live analytics of one
     *  {@code dimension} ({@code restaurant}, {@code driver} or {@code all} with id 0), written by the projections. */
    public String analyticsDay(String dimension, long id, LocalDate day) {
        return prefix + "analytics:" + dimension + ":" + id + ":" + day;
    }

    /** SCAN patterns of every key a view rebuild drops: the order views, their indexes, boards, streams and the live
     *  analytics (not the catalogue, the rate limits or the revoked sessions, which are no order view). */
    public List<String> orderViewPatterns() {
        return List.of(prefix + "order:*", prefix + "restaurant:*", prefix + "driver:*", prefix + "analytics:*",
                prefix + "dispatch:*");
    }

    /**
     * A marker the projections set once Redis holds every view ({@code "1"}); a Redis found without it (new, or
     * restarted without its data) is filled again from the view topic.
     */
    public String viewsFilled() {
        return prefix + "views:filled";
    }

    /** Set while the projections fill Redis again; gone by the end when Redis was emptied meanwhile (then they start over). */
    public String viewsFilling() {
        return prefix + "views:filling";
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
