package ge.dms.query.order;

import java.time.Instant;

/** One order view as a store holds it: its JSON (the OrderView contract), version and owners. */
public record StoredOrder(long orderId, String json, long version, long restaurantId, Long driverId, Instant commitTime) {
}
