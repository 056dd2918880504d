package ge.dms.query.catalogue;

import ge.dms.query.http.ListPage;
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
import java.util.Optional;

/**
 * The catalogue from the read-side {@code product_view}: name search (substring, or trigram-similar for
 * typos, on the GIN {@code pg_trgm} index), the admins' lists with inactive products, and the fallback when
 * Redis is down. Keyset on the product id; never OFFSET. Tombstones of deleted products are never served.
 */
@Singleton
public class ReadStoreCatalogue {

    private static final String FIND = "SELECT view::text, active, source_commit_time FROM product_view "
            + "WHERE product_id = ? AND NOT deleted";

    private final ReadStore store;

    public ReadStoreCatalogue(ReadStore store) {
        this.store = store;
    }

    public ListPage page(ProductFilter f) {
        StringBuilder sql = new StringBuilder("SELECT product_id, view::text, source_commit_time FROM product_view "
                + "WHERE NOT deleted AND product_id > ?");
        List<Object> args = new ArrayList<>();
        args.add(f.afterId());
        if (f.active() != null) {
            sql.append(" AND active = ?");
            args.add(f.active());
        }
        if (f.category() != null) {
            sql.append(" AND category = ?");
            args.add(f.category());
        }
        if (f.q() != null) {
            sql.append(" AND (name ILIKE ? OR name % ?)");
            args.add(ListPage.containing(f.q()));
            args.add(f.q());
        }
        sql.append(" ORDER BY product_id LIMIT ?");
        args.add(f.limit() + 1);
        try (Connection c = store.connect(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            List<String> rows = new ArrayList<>();
            Instant newest = null;
            long lastId = 0;
            boolean more = false;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rows.size() == f.limit()) {
                        more = true;
                        break;
                    }
                    lastId = rs.getLong(1);
                    rows.add(rs.getString(2));
                    newest = ListPage.newer(newest, instant(rs.getTimestamp(3)));
                }
            }
            return new ListPage(rows, more ? ListPage.cursorAfter(lastId) : null, newest);
        } catch (SQLException e) {
            throw ReadStoreOrders.unavailable(e);
        }
    }

    public Optional<RedisCatalogue.Found> find(long productId) {
        try (Connection c = store.connect(); PreparedStatement ps = c.prepareStatement(FIND)) {
            ps.setLong(1, productId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new RedisCatalogue.Found(rs.getString(1), rs.getBoolean(2), instant(rs.getTimestamp(3))));
            }
        } catch (SQLException e) {
            throw ReadStoreOrders.unavailable(e);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
