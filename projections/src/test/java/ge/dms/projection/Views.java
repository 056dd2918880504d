package ge.dms.projection;

import ge.dms.schemas.view.DriverRef;
import ge.dms.schemas.view.OrderItemView;
import ge.dms.schemas.view.OrderView;
import ge.dms.schemas.view.RestaurantRef;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Order views built directly, for sink tests. */
public final class Views {

    public static final Instant CREATED = Instant.parse("2026-11-22T08:00:00Z");

    private Views() {
    }

    /** The same view joined to a restaurant row at {@code restaurantLsn}. */
    public static OrderView withRestaurantLsn(OrderView v, String name, long restaurantLsn) {
        return new OrderView(v.schemaVersion(), v.orderId(), v.reference(), v.status(), v.restaurantId(),
                new RestaurantRef(v.restaurantId(), name, null, null, null), v.driverId(), v.driver(), v.deliveryAddress(),
                v.requestedDeliveryAt(), v.notes(), v.totalAmount(), v.itemCount(), v.items(), v.version(), v.createdAt(),
                v.updatedAt(), v.confirmedAt(), v.readyAt(), v.pickedUpAt(), v.deliveredAt(), v.cancelledAt(),
                v.sourceLsn(), restaurantLsn, v.driverLsn(), v.sourceCommitTime());
    }

    /** The same view as made by the request {@code requestId}. */
    public static OrderView byRequest(OrderView v, String requestId) {
        return new OrderView(v.schemaVersion(), v.orderId(), v.reference(), v.status(), v.restaurantId(), v.restaurant(),
                v.driverId(), v.driver(), v.deliveryAddress(), v.requestedDeliveryAt(), v.notes(), v.totalAmount(),
                v.itemCount(), v.items(), v.version(), v.createdAt(), v.updatedAt(), v.confirmedAt(), v.readyAt(),
                v.pickedUpAt(), v.deliveredAt(), v.cancelledAt(), v.sourceLsn(), v.restaurantLsn(), v.driverLsn(),
                v.sourceCommitTime(), requestId);
    }

    public static OrderView view(long orderId, long version, long lsn, String status, String restaurantName, Long driverId) {
        return new OrderView(OrderView.SCHEMA_VERSION, orderId, "ORD-2026-%06d".formatted(orderId), status, 7,
                new RestaurantRef(7, restaurantName, "ჭავჭავაძის 10", "თბილისი", "+995555000007"), driverId,
                driverId == null ? null : new DriverRef(driverId, "Driver " + driverId, "+995599", "van"),
                "რუსთაველის 1", CREATED.plusSeconds(3600), null, new BigDecimal("25.50"), 2,
                List.of(new OrderItemView(orderId * 10 + 1, 501L, "სულგუნი", new BigDecimal("8.50"), new BigDecimal("1"), new BigDecimal("8.50")),
                        new OrderItemView(orderId * 10 + 2, 502L, "Bread", new BigDecimal("17.00"), new BigDecimal("1.000"), new BigDecimal("17.00"))),
                version, CREATED.plusSeconds(orderId), CREATED, null, null, null, null, null, lsn, 0, 0, CREATED);
    }
}
