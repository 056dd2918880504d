package ge.dms.projection.orderview;

/**
 * The part of an order the foreign-key joins need: which restaurant and which driver, and the
 * order version (so that the join re-runs when the order changes).
 */
public record OrderCore(long restaurantId, Long driverId, long version) {
}
