package ge.dms.query.board;

import ge.dms.query.http.Cursor;
import ge.dms.query.infra.ReadStore;
import ge.dms.query.order.ReadStoreOrders;
import ge.dms.schemas.view.BoardRow;
import jakarta.inject.Singleton;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The board from the read-side {@code order_view}: history, driver filters, and the fallback when
 * Redis is down; without a restaurant, the dispatcher queue over every restaurant. Keyset on (created_at, order_id)
 * descending, served by the {@code order_view_restaurant_*} indexes (one restaurant), {@code order_view_status_created},
 * {@code order_view_unassigned_*} or {@code order_view_created} (every restaurant); never OFFSET. Reads only the list columns (not the
 * {@code view} jsonb with its items) and answers the same {@link BoardRow}s Redis holds.
 */
@Singleton
public class ReadStoreBoard {

    private static final String SELECT = """
            SELECT order_id, reference, status, restaurant_id, restaurant_name, driver_id, driver_name, item_count,
                   total_amount, requested_delivery_at, created_at, updated_at, version, source_commit_time
            FROM order_view WHERE true""";

    private final ReadStore store;

    public ReadStoreBoard(ReadStore store) {
        this.store = store;
    }

    public BoardPage page(BoardFilter f) {
        StringBuilder sql = new StringBuilder(SELECT);
        List<Object> args = new ArrayList<>();
        if (f.restaurantId() != null) {
            sql.append(" AND restaurant_id = ?");
            args.add(f.restaurantId());
        }
        if (f.unassigned()) {
            sql.append(" AND driver_id IS NULL"); // the partial order_view_unassigned_* indexes (V6)
        }
        if (f.status() != null) {
            sql.append(" AND status = ?");
            args.add(f.status());
        }
        if (f.driverId() != null) {
            sql.append(" AND driver_id = ?");
            args.add(f.driverId());
        }
        if (f.from() != null) {
            sql.append(" AND created_at >= ?");
            args.add(time(f.from()));
        }
        if (f.to() != null) {
            sql.append(" AND created_at < ?");
            args.add(time(f.to()));
        }
        if (f.cursor() != null) {
            sql.append(" AND (created_at, order_id) < (?, ?)");
            args.add(time(Instant.EPOCH.plus(f.cursor().microsValue(), ChronoUnit.MICROS)));
            args.add(f.cursor().orderId());
        }
        sql.append(" ORDER BY created_at DESC, order_id DESC LIMIT ?");
        args.add(f.limit() + 1);
        try (Connection c = store.connect(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            List<ByteBuffer> rows = new ArrayList<>();
            Instant newest = null;
            BoardRow last = null;
            boolean more = false;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rows.size() == f.limit()) {
                        more = true;
                        break;
                    }
                    last = row(rs);
                    rows.add(ByteBuffer.wrap(BoardJson.bytes(last)));
                    Instant commit = last.sourceCommitTime();
                    if (commit != null && (newest == null || commit.isAfter(newest))) {
                        newest = commit;
                    }
                }
            }
            String next = more ? new Cursor(ChronoUnit.MICROS.between(Instant.EPOCH, last.createdAt()), last.orderId(), true).encode()
                    : null;
            return new BoardPage(rows, next, newest);
        } catch (SQLException e) {
            throw ReadStoreOrders.unavailable(e);
        }
    }

    /** The row from the {@code order_view} columns the projections copied from the view, as {@link BoardRow#of} takes them. */
    private static BoardRow row(ResultSet rs) throws SQLException {
        long driverId = rs.getLong(6);
        Long driver = rs.wasNull() ? null : driverId;
        return new BoardRow(BoardRow.SCHEMA_VERSION, rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                rs.getString(5), driver, rs.getString(7), rs.getInt(8), rs.getBigDecimal(9), instant(rs, 10),
                instant(rs, 11), instant(rs, 12), rs.getLong(13), instant(rs, 14));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
