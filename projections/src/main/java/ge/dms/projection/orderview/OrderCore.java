package ge.dms.projection.orderview;

/**
 * The part of an order the foreign-key joins need: which restaurant and which driver, and the
 * order version that last changed them. Emitted only when they change (see {@link OrderAssembler}).
 */
public record OrderCore(long restaurantId, Long driverId, long version) {
}
