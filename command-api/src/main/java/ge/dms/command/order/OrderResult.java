package ge.dms.command.order;

import ge.dms.command.openapi.OrderStatusValue;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** An order after a write: what the caller needs to make the next one (id, status, version). */
@Serdeable
public record OrderResult(long id, String reference, @OrderStatusValue String status, int version, long restaurantId, Long driverId,
                          int itemCount, BigDecimal totalAmount, OffsetDateTime requestedDeliveryAt,
                          OffsetDateTime updatedAt) {
}
