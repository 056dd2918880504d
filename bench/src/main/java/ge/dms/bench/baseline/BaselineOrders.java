package ge.dms.bench.baseline;

import io.micronaut.context.annotation.Requires;
import com.fasterxml.jackson.core.JsonProcessingException;
import ge.dms.schemas.serde.Json;
import ge.dms.schemas.view.DriverRef;
import ge.dms.schemas.view.OrderItemView;
import ge.dms.schemas.view.OrderView;
import ge.dms.schemas.view.RestaurantRef;
import jakarta.inject.Singleton;

import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

import static ge.dms.bench.baseline.BaselineBoard.instant;

/**
 * The order detail as the old design read it: the order from the summary view (with its restaurant and driver) and
 * its items by {@code order_items.order_id}, on one connection, as the query API's {@link OrderView}. The old design
 * had no change stream: LSNs are 0 and the source commit time is null (the fields are there, as in every view).
 */
@Requires(property = Baseline.ENABLED, value = "true")
@Singleton
public class BaselineOrders {

    static final String ORDER = "SELECT * FROM bench_order_summary WHERE id = ?";
    static final String ITEMS = "SELECT id, product_id, product_name, unit_price, quantity, line_total FROM order_items "
            + "WHERE order_id = ? ORDER BY id";

    private final DataSource writeSide;

    public BaselineOrders(DataSource writeSide) {
        this.writeSide = writeSide;
    }

    Optional<OrderView> find(long id) throws SQLException {
        try (Connection c = writeSide.getConnection()) {
            return find(c, id);
        }
    }

    /** The order, or empty when there is none with that id. */
    public static Optional<OrderView> find(Connection c, long id) throws SQLException {
        List<OrderItemView> items = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(ITEMS)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(new OrderItemView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBigDecimal(4), rs.getBigDecimal(5),
                            rs.getBigDecimal(6)));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(ORDER)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(view(rs, items)) : Optional.empty();
            }
        }
    }

    static String json(OrderView view) {
        try {
            return Json.mapper().writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OrderView view(ResultSet rs, List<OrderItemView> items) throws SQLException {
        long restaurantId = rs.getLong("restaurant_id");
        long driver = rs.getLong("driver_id");
        Long driverId = rs.wasNull() ? null : driver;
        RestaurantRef restaurant = new RestaurantRef(restaurantId, rs.getString("restaurant_name"), rs.getString("restaurant_address"),
                rs.getString("restaurant_city"), rs.getString("restaurant_phone"));
        DriverRef driverRef = driverId == null ? null
                : new DriverRef(driverId, rs.getString("driver_name"), rs.getString("driver_phone"), rs.getString("driver_vehicle"));
        return new OrderView(OrderView.SCHEMA_VERSION, rs.getLong("id"), rs.getString("reference"), rs.getString("status"),
                restaurantId, restaurant, driverId, driverRef, rs.getString("delivery_address"), instant(rs, "requested_delivery_at"),
                rs.getString("notes"), rs.getBigDecimal("total_amount"), rs.getInt("item_count"), items, rs.getLong("version"),
                instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "confirmed_at"), instant(rs, "ready_at"),
                instant(rs, "picked_up_at"), instant(rs, "delivered_at"), instant(rs, "cancelled_at"), 0, 0, 0, null,
                rs.getString("request_id"));
    }
}
