package ge.dms.query.support;

import ge.dms.schemas.view.DriverRef;
import ge.dms.schemas.view.OrderItemView;
import ge.dms.schemas.view.OrderView;
import ge.dms.schemas.view.RestaurantRef;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Order views built directly (the schemas' record), with Georgian text where a screen would show it. */
public final class TestViews {

    public static final Instant BASE = Instant.parse("2026-11-02T08:00:00Z");

    private TestViews() {
    }

    public static OrderView view(long orderId, long version, String status, long restaurantId, Long driverId, Instant created) {
        return view(orderId, version, status, restaurantId, driverId, created, "რესტორანი " + restaurantId, null, null);
    }

    public static OrderView view(long orderId, long version, String status, long restaurantId, Long driverId, Instant created,
                                 String restaurantName, Instant pickedUp, Instant delivered) {
        Instant commit = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS); // what PostgreSQL keeps
        return new OrderView(OrderView.SCHEMA_VERSION, orderId, "ORD-2026-%06d".formatted(orderId), status, restaurantId,
                new RestaurantRef(restaurantId, restaurantName, "ჭავჭავაძის 10", "თბილისი", "+995555000007"), driverId,
                driverId == null ? null : new DriverRef(driverId, "მძღოლი " + driverId, "+995599", "van"),
                "რუსთაველის 1, \"სადარბაზო\" 2", created.plusSeconds(7200), "ხაჭაპური, ცხელი", new BigDecimal("25.50"), 1,
                List.of(new OrderItemView(orderId * 10 + 1, 501L, "სულგუნი", new BigDecimal("25.50"), new BigDecimal("1"),
                        new BigDecimal("25.50"))),
                version, created, created, null, null, pickedUp, delivered, "cancelled".equals(status) ? created : null,
                1000 * orderId + version, 0, 0, commit);
    }
}
