package ge.dms.bench.data;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The rows the generator writes, one record per write-side table (V1__write_model.sql). */
public final class Rows {

    private Rows() {
    }

    public record Restaurant(long id, String name, String address, String city, String region, String phone, Instant createdAt) {
    }

    public record Driver(long id, String name, String phone, String vehicle, Instant createdAt) {
    }

    public record Product(long id, String sku, String name, String description, String category, String unit,
                          BigDecimal price, boolean active, Instant createdAt) {
    }

    /** One order with its lines and its whole status-change log (first row: null → pending). */
    public record Order(long id, String reference, long restaurantId, Long driverId, String status, String deliveryAddress,
                        Instant requestedDeliveryAt, String notes, BigDecimal totalAmount, int version, Instant createdAt,
                        Instant updatedAt, Instant confirmedAt, Instant readyAt, Instant pickedUpAt, Instant deliveredAt,
                        Instant cancelledAt, List<Item> items, List<Change> changes) {

        public int itemCount() {
            return items.size();
        }
    }

    /** An order line; its id is given when it is written. */
    public record Item(long productId, String productName, BigDecimal unitPrice, BigDecimal quantity, BigDecimal lineTotal) {
    }

    /** A status-change log row; its id is given when it is written. {@code from} is null for the first. */
    public record Change(String from, String to, Instant at, String actorRole, Long actorId, String reason) {
    }
}
