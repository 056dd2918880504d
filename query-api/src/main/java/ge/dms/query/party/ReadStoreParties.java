package ge.dms.query.party;

import com.fasterxml.jackson.databind.node.ObjectNode;
import ge.dms.query.http.ListPage;
import ge.dms.query.infra.ReadStore;
import ge.dms.query.order.ReadStoreOrders;
import ge.dms.schemas.serde.Json;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Restaurants and drivers from the read-side {@code restaurant_view} / {@code driver_view} (written by the
 * projections' catalogue application): keyset pages on the id, name search (substring or trigram-similar),
 * active filter; tombstones of deleted rows are never served.
 */
@Singleton
public class ReadStoreParties {

    private final ReadStore store;

    public ReadStoreParties(ReadStore store) {
        this.store = store;
    }

    Page page(PartyKind kind, PartyFilter f) {
        StringBuilder sql = new StringBuilder("SELECT " + kind.columns() + " FROM " + kind.table
                + " WHERE NOT deleted AND " + kind.idColumn + " > ?");
        List<Object> args = new ArrayList<>();
        args.add(f.afterId());
        if (f.active() != null) {
            sql.append(" AND active = ?");
            args.add(f.active());
        }
        if (f.q() != null) {
            sql.append(" AND (name ILIKE ? OR name % ?)");
            args.add(ListPage.containing(f.q()));
            args.add(f.q());
        }
        sql.append(" ORDER BY ").append(kind.idColumn).append(" LIMIT ?");
        args.add(f.limit() + 1);
        try (Connection c = store.connect(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            List<ObjectNode> rows = new ArrayList<>();
            Instant newest = null;
            boolean more = false;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rows.size() == f.limit()) {
                        more = true;
                        break;
                    }
                    rows.add(row(kind, rs));
                    newest = ListPage.newer(newest, instant(rs.getTimestamp(kind.textColumns.size() + 7)));
                }
            }
            String next = more ? ListPage.cursorAfter(rows.getLast().get(kind.idField).asLong()) : null;
            return new Page(rows, next, newest);
        } catch (SQLException e) {
            throw ReadStoreOrders.unavailable(e);
        }
    }

    Optional<ObjectNode> find(PartyKind kind, long id) {
        String sql = "SELECT " + kind.columns() + " FROM " + kind.table + " WHERE " + kind.idColumn + " = ? AND NOT deleted";
        try (Connection c = store.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(kind, rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw ReadStoreOrders.unavailable(e);
        }
    }

    /** The row as JSON: the id, the kind's text columns, active, times, the last editor, the source commit time. */
    private static ObjectNode row(PartyKind kind, ResultSet rs) throws SQLException {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put(kind.idField, rs.getLong(1));
        int i = 2;
        for (String column : kind.textColumns) {
            node.put(column, rs.getString(i++));
        }
        node.put("active", rs.getBoolean(i++));
        putTime(node, "createdAt", rs.getTimestamp(i++));
        putTime(node, "updatedAt", rs.getTimestamp(i++));
        node.put("updatedByRole", rs.getString(i++));
        long by = rs.getLong(i++);
        if (rs.wasNull()) {
            node.putNull("updatedById");
        } else {
            node.put("updatedById", by);
        }
        putTime(node, "sourceCommitTime", rs.getTimestamp(i));
        return node;
    }

    private static void putTime(ObjectNode node, String field, Timestamp t) {
        if (t == null) {
            node.putNull(field);
        } else {
            node.put(field, t.toInstant().toString());
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** Rows (still mutable: drivers get their load added), the next cursor, the newest commit time. */
    record Page(List<ObjectNode> rows, String nextCursor, Instant newest) {
    }
}
