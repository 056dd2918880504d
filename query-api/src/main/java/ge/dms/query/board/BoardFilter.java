package ge.dms.query.board;

import ge.dms.query.http.ApiException;
import ge.dms.query.http.Cursor;
import ge.dms.schemas.order.OrderStatus;

import java.time.Instant;

/**
 * One board request: restaurant (null: every restaurant, the dispatcher queue), optional status, created-at range
 * [from, to), driver, only orders without a driver, position and page size.
 */
public record BoardFilter(Long restaurantId, String status, Instant from, Instant to, Long driverId, boolean unassigned,
                          Cursor cursor, int limit) {

    public BoardFilter {
        if (status != null && status.isBlank()) {
            status = null;
        }
        if (status != null && OrderStatus.find(status).isEmpty()) {
            throw ApiException.badRequest("status", "status must be one of " + String.join(", ", OrderStatus.allValues()));
        }
        if (unassigned && driverId != null) {
            throw ApiException.badRequest("unassigned", "unassigned=true and a driverId exclude each other");
        }
    }

    /** A restaurant's board (its own orders, any driver). */
    public BoardFilter(long restaurantId, String status, Instant from, Instant to, Long driverId, Cursor cursor, int limit) {
        this(Long.valueOf(restaurantId), status, from, to, driverId, false, cursor, limit);
    }
}
