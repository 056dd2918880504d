package ge.dms.projection.source;

import java.math.BigDecimal;

/** One {@code order_items} row, with the LSN of the change that produced it. */
public record ItemRow(long id, long orderId, Long productId, String productName, BigDecimal unitPrice,
                      BigDecimal quantity, BigDecimal lineTotal, long lsn, java.time.Instant commitTime,
                      boolean deleted) {
}
