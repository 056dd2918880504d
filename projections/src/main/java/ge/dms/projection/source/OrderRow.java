package ge.dms.projection.source;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One {@code orders} row as the projections use it, with the LSN of the change that produced it and the correlation
 * id of the request that wrote it ({@code request_id}; null for rows written outside a request).
 */
public record OrderRow(long id, String reference, long restaurantId, Long driverId, String status,
                       String deliveryAddress, Instant requestedDeliveryAt, String notes,
                       BigDecimal totalAmount, int itemCount, long version,
                       Instant createdAt, Instant updatedAt, Instant confirmedAt, Instant readyAt,
                       Instant pickedUpAt, Instant deliveredAt, Instant cancelledAt,
                       long lsn, Instant commitTime, boolean deleted, String requestId) {

    /** True when this change is newer than {@code held}: higher version, or same version and higher LSN. */
    public boolean isNewerThan(OrderRow held) {
        return held == null || version > held.version || (version == held.version && lsn > held.lsn);
    }
}
