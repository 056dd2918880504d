package ge.dms.bench.board;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * One board question in both of its forms: the query API request ({@link #apiPath}) and the
 * direct SQL the old design ran on the write side ({@link #sql}, {@link #parameters}), with the same
 * filters, the same order (newest first, then id) and the same page. A deep page is reached by the
 * API's own cursor and, in SQL, by the keyset of the last order of the page before.
 *
 * @param status         one status, or null for all
 * @param from           created at or after, or null
 * @param to             created before, or null
 * @param driverId       assigned driver, or null
 * @param apiCursor      the API's cursor for this page, or null for the first page
 * @param afterCreatedAt creation time of the last order on the page before (SQL keyset), or null
 * @param afterId        id of that order
 */
public record BoardQuery(String name, long restaurantId, String status, Instant from, Instant to, Long driverId,
                         String apiCursor, Instant afterCreatedAt, Long afterId, int limit) {

    /** What the old board listed: the order row with its restaurant's and driver's names. */
    static final String SELECT = """
            SELECT o.id, o.reference, o.status, o.restaurant_id, r.name, o.driver_id, d.name, o.total_amount, o.item_count,
                   o.requested_delivery_at, o.created_at, o.updated_at, o.version
            FROM orders o JOIN restaurants r ON r.id = o.restaurant_id LEFT JOIN drivers d ON d.id = o.driver_id
            WHERE o.restaurant_id = ?""";

    public BoardQuery {
        if ((apiCursor == null) != (afterCreatedAt == null) || (afterCreatedAt == null) != (afterId == null)) {
            throw new IllegalArgumentException("a deep page needs both the API cursor and the SQL keyset");
        }
    }

    public static BoardQuery firstPage(String name, long restaurantId, int limit) {
        return new BoardQuery(name, restaurantId, null, null, null, null, null, null, null, limit);
    }

    public BoardQuery withStatus(String value) {
        return new BoardQuery(name, restaurantId, value, from, to, driverId, apiCursor, afterCreatedAt, afterId, limit);
    }

    public BoardQuery withRange(Instant start, Instant end) {
        return new BoardQuery(name, restaurantId, status, start, end, driverId, apiCursor, afterCreatedAt, afterId, limit);
    }

    public BoardQuery withDriver(long id) {
        return new BoardQuery(name, restaurantId, status, from, to, id, apiCursor, afterCreatedAt, afterId, limit);
    }

    public BoardQuery after(String cursor, Instant createdAt, long id) {
        return new BoardQuery(name, restaurantId, status, from, to, driverId, cursor, createdAt, id, limit);
    }

    public String apiPath() {
        StringBuilder path = new StringBuilder("/api/restaurants/").append(restaurantId).append("/orders?limit=").append(limit);
        append(path, "status", status);
        append(path, "from", from == null ? null : from.toString());
        append(path, "to", to == null ? null : to.toString());
        append(path, "driverId", driverId == null ? null : driverId.toString());
        append(path, "cursor", apiCursor);
        return path.toString();
    }

    public String sql() {
        StringBuilder sql = new StringBuilder(SELECT);
        if (status != null) {
            sql.append(" AND o.status = ?");
        }
        if (driverId != null) {
            sql.append(" AND o.driver_id = ?");
        }
        if (from != null) {
            sql.append(" AND o.created_at >= ?");
        }
        if (to != null) {
            sql.append(" AND o.created_at < ?");
        }
        if (afterCreatedAt != null) {
            sql.append(" AND (o.created_at, o.id) < (?, ?)");
        }
        return sql.append(" ORDER BY o.created_at DESC, o.id DESC LIMIT ?").toString();
    }

    /** The values for {@link #sql}'s placeholders, in order. */
    public List<Object> parameters() {
        List<Object> values = new ArrayList<>();
        values.add(restaurantId);
        if (status != null) {
            values.add(status);
        }
        if (driverId != null) {
            values.add(driverId);
        }
        if (from != null) {
            values.add(utc(from));
        }
        if (to != null) {
            values.add(utc(to));
        }
        if (afterCreatedAt != null) {
            values.add(utc(afterCreatedAt));
            values.add(afterId);
        }
        values.add(limit);
        return values;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static void append(StringBuilder path, String name, String value) {
        if (value != null) {
            path.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}
