package ge.dms.query.board;

import ge.dms.query.http.Cursor;
import ge.dms.query.infra.ReadStore;
import ge.dms.query.order.ReadStoreOrders;
import jakarta.inject.Singleton;

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
 * Redis is down. Keyset on (created_at, order_id) descending, served by the
 * {@code order_view_restaurant_*} indexes; never OFFSET.
 */
@Singleton
public class ReadStoreBoard {

    private final ReadStore store;

    public ReadStoreBoard(ReadStore store) {
        this.store = store;
    }

    public Result page(BoardFilter f) {
        StringBuilder sql = new StringBuilder("""
                SELECT view::text, source_commit_time, created_at, order_id FROM order_view WHERE restaurant_id = ?""");
        List<Object> args = new ArrayList<>();
        args.add(f.restaurantId());
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
            List<String> views = new ArrayList<>();
            Instant newest = null;
            Instant lastCreated = null;
            long lastId = 0;
            boolean more = false;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (views.size() == f.limit()) {
                        more = true;
                        break;
                    }
                    views.add(rs.getString(1));
                    var commit = rs.getTimestamp(2);
                    if (commit != null && (newest == null || commit.toInstant().isAfter(newest))) {
                        newest = commit.toInstant();
                    }
                    lastCreated = rs.getObject(3, OffsetDateTime.class).toInstant();
                    lastId = rs.getLong(4);
                }
            }
            String next = more ? new Cursor(ChronoUnit.MICROS.between(Instant.EPOCH, lastCreated), lastId, true).encode() : null;
            return new Result(new BoardPage(views, next), newest);
        } catch (SQLException e) {
            throw ReadStoreOrders.unavailable(e);
        }
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    public record Result(BoardPage page, Instant newest) {
    }
}
