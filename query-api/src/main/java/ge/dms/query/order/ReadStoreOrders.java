package ge.dms.query.order;

import ge.dms.query.http.ApiException;
import ge.dms.query.infra.ReadStore;
import ge.dms.schemas.order.OrderStatus;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Order views from the read-side {@code order_view} table. A database failure is a 503. */
@Singleton
public class ReadStoreOrders {

    private static final Logger LOG = LoggerFactory.getLogger(ReadStoreOrders.class);
    private static final String FIND = """
            SELECT view::text, version, restaurant_id, driver_id, source_commit_time FROM order_view WHERE order_id = ?
            """;
    private static final String DRIVER_QUEUE = """
            SELECT view::text, source_commit_time FROM order_view
            WHERE driver_id = ? AND status IN (%s)
            ORDER BY requested_delivery_at NULLS LAST, order_id
            """.formatted(OrderStatus.sqlLiterals(OrderStatus.ACTIVE_FOR_DRIVER));

    private final ReadStore store;

    public ReadStoreOrders(ReadStore store) {
        this.store = store;
    }

    public Optional<StoredOrder> find(long orderId) {
        try (Connection c = store.connect(); PreparedStatement ps = c.prepareStatement(FIND)) {
            ps.setLong(1, orderId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long driver = rs.getLong(4);
                Long driverId = rs.wasNull() ? null : driver;
                Timestamp commit = rs.getTimestamp(5);
                return Optional.of(new StoredOrder(orderId, rs.getString(1), rs.getLong(2), rs.getLong(3), driverId,
                        commit == null ? null : commit.toInstant()));
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** The driver's active queue, soonest requested delivery first. */
    public Page driverQueue(long driverId) {
        try (Connection c = store.connect(); PreparedStatement ps = c.prepareStatement(DRIVER_QUEUE)) {
            ps.setLong(1, driverId);
            return collect(ps);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** Runs a query whose first column is the view JSON and second the source commit time. */
    public static Page collect(PreparedStatement ps) throws SQLException {
        List<String> views = new ArrayList<>();
        java.time.Instant newest = null;
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                views.add(rs.getString(1));
                Timestamp t = rs.getTimestamp(2);
                if (t != null && (newest == null || t.toInstant().isAfter(newest))) {
                    newest = t.toInstant();
                }
            }
        }
        return new Page(views, newest);
    }

    public static ApiException unavailable(SQLException e) {
        LOG.warn("Read-side PostgreSQL failed: {}", e.toString());
        return ApiException.unavailable("the read-side database is unavailable; try again shortly");
    }

    /** Views and the newest commit time among them. */
    public record Page(List<String> views, java.time.Instant newest) {
    }
}
