package ge.dms.query.history;

import ge.dms.query.infra.ReadStore;
import ge.dms.query.order.ReadStoreOrders;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One order's status log from the read-side {@code order_history} table (the projections copy
 * {@code order_status_changes} there), oldest first by the index {@code (order_id, changed_at, change_id)}.
 * A database failure is a 503.
 */
@Singleton
public class ReadStoreHistory {

    private static final String SELECT = """
            SELECT change_id, from_status, to_status, changed_at, actor_role, actor_id, reason, source_commit_time
            FROM order_history WHERE order_id = ? ORDER BY changed_at, change_id""";

    private final ReadStore store;

    public ReadStoreHistory(ReadStore store) {
        this.store = store;
    }

    /** The history and the newest source commit time among its changes (null when none is known). */
    public Answer find(long orderId) {
        try (Connection c = store.connect(); PreparedStatement ps = c.prepareStatement(SELECT)) {
            ps.setLong(1, orderId);
            List<OrderHistory.Change> changes = new ArrayList<>();
            Instant newest = null;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long actor = rs.getLong(6);
                    Long actorId = rs.wasNull() ? null : actor;
                    changes.add(new OrderHistory.Change(rs.getLong(1), rs.getString(2), rs.getString(3), instant(rs.getTimestamp(4)),
                            new OrderHistory.Actor(rs.getString(5), actorId), rs.getString(7)));
                    Instant commit = instant(rs.getTimestamp(8));
                    if (commit != null && (newest == null || commit.isAfter(newest))) {
                        newest = commit;
                    }
                }
            }
            return new Answer(new OrderHistory(orderId, changes), newest);
        } catch (SQLException e) {
            throw ReadStoreOrders.unavailable(e);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    public record Answer(OrderHistory history, Instant newest) {
    }
}
