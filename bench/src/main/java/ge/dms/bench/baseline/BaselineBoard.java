package ge.dms.bench.baseline;

import io.micronaut.context.annotation.Requires;
import com.fasterxml.jackson.core.JsonProcessingException;
import ge.dms.bench.board.BoardQuery;
import ge.dms.schemas.serde.Json;
import ge.dms.schemas.view.BoardRow;
import jakarta.inject.Singleton;

import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The board as the old design answered it: the bench's own board SQL ({@link BoardQuery#sql}: the summary view,
 * same filters, {@code ORDER BY created_at DESC, id DESC}, keyset after the cursor) asking one row more than the page
 * to know whether there is a next one; rows become the query API's {@link BoardRow}s, in its page shape
 * {@code {"orders":[…],"nextCursor":…}}.
 */
@Requires(property = Baseline.ENABLED, value = "true")
@Singleton
public class BaselineBoard {

    private final DataSource writeSide;

    public BaselineBoard(DataSource writeSide) {
        this.writeSide = writeSide;
    }

    /** One page as JSON (the query as built from the request's parameters). */
    String page(BoardQuery q) throws SQLException {
        List<BoardRow> rows = new ArrayList<>(q.limit());
        BoardQuery oneMore = new BoardQuery(q.name(), q.restaurantId(), q.status(), q.from(), q.to(), q.driverId(), q.apiCursor(),
                q.afterCreatedAt(), q.afterId(), q.limit() + 1);
        try (Connection c = writeSide.getConnection(); PreparedStatement ps = c.prepareStatement(oneMore.sql())) {
            List<Object> values = oneMore.parameters();
            for (int i = 0; i < values.size(); i++) {
                ps.setObject(i + 1, values.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
        }
        String next = null;
        if (rows.size() > q.limit()) {
            rows.removeLast();
            BoardRow last = rows.getLast();
            next = new BaselineParams.Position(last.createdAt(), last.orderId()).encode();
        }
        return json(rows, next);
    }

    static String json(List<BoardRow> rows, String nextCursor) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("orders", rows);
        body.put("nextCursor", nextCursor);
        try {
            return Json.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A row of {@link BoardQuery#SELECT}. The old design had no change stream: no source commit time. */
    private static BoardRow row(ResultSet rs) throws SQLException {
        long driver = rs.getLong(6);
        Long driverId = rs.wasNull() ? null : driver;
        return new BoardRow(BoardRow.SCHEMA_VERSION, rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                driverId, rs.getString(7), rs.getInt(9), rs.getBigDecimal(8), instant(rs, 10), instant(rs, 11), instant(rs, 12),
                rs.getLong(13), null);
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
