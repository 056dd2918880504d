package ge.dms.bench.data;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Writes generated rows with PostgreSQL COPY (pgjdbc's {@link CopyManager}), a batch of whole
 * orders per transaction: a reader (or Debezium) never sees an order without its lines or log.
 * Ids are given explicitly, so each batch also moves the identity sequences past what it wrote,
 * and the command API keeps working on the same database afterwards.
 */
final class BulkLoader {

    static final String ORDERS_COPY = "COPY orders (id, reference, restaurant_id, driver_id, status, delivery_address, "
            + "requested_delivery_at, notes, total_amount, item_count, version, created_at, updated_at, confirmed_at, ready_at, "
            + "picked_up_at, delivered_at, cancelled_at) FROM STDIN";
    static final String ITEMS_COPY = "COPY order_items (id, order_id, product_id, product_name, unit_price, quantity, line_total) FROM STDIN";
    static final String CHANGES_COPY = "COPY order_status_changes (id, order_id, from_status, to_status, changed_at, actor_role, "
            + "actor_id, reason) FROM STDIN";

    private final Connection connection;
    private final CopyManager copy;

    BulkLoader(Connection connection) throws SQLException {
        this.connection = connection;
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
        connection.setAutoCommit(false);
    }

    /** The first free id of each table (past both its rows and its sequence) and the next reference number. */
    IdBases idBases() throws SQLException {
        return new IdBases(nextId("restaurants"), nextId("drivers"), nextId("products"), nextId("orders"),
                longQuery("SELECT coalesce(pg_sequence_last_value('order_reference_seq'), 0) + 1"));
    }

    long nextOrderItemId() throws SQLException {
        return nextId("order_items");
    }

    long nextStatusChangeId() throws SQLException {
        return nextId("order_status_changes");
    }

    void parties(List<Rows.Restaurant> restaurants, List<Rows.Driver> drivers, List<Rows.Product> products) throws SQLException {
        CopyText text = new CopyText();
        restaurants.forEach(r -> text.add(r.id()).add(r.name()).add(r.address()).add(r.city()).add(r.region()).add(r.phone())
                .add(r.createdAt()).add(r.createdAt()).endRow());
        copyIn("COPY restaurants (id, name, address, city, region, phone, created_at, updated_at) FROM STDIN", text);
        drivers.forEach(d -> text.add(d.id()).add(d.name()).add(d.phone()).add(d.vehicle()).add(d.createdAt()).add(d.createdAt()).endRow());
        copyIn("COPY drivers (id, name, phone, vehicle, created_at, updated_at) FROM STDIN", text);
        products.forEach(p -> text.add(p.id()).add(p.sku()).add(p.name()).add(p.description()).add(p.category()).add(p.unit())
                .add(p.price()).add(p.active()).add(p.createdAt()).add(p.createdAt()).endRow());
        copyIn("COPY products (id, sku, name, description, category, unit, price, active, created_at, updated_at) FROM STDIN", text);
        advance("restaurants", restaurants.isEmpty() ? 0 : restaurants.getLast().id());
        advance("drivers", drivers.isEmpty() ? 0 : drivers.getLast().id());
        advance("products", products.isEmpty() ? 0 : products.getLast().id());
        connection.commit();
    }

    /** One transaction: the batch's orders, then their lines and logs; then the sequences past them. */
    void orders(CopyText orders, CopyText items, CopyText changes, long lastOrderId, long lastItemId, long lastChangeId,
                long lastReferenceNumber) throws SQLException {
        copyIn(ORDERS_COPY, orders);
        copyIn(ITEMS_COPY, items);
        copyIn(CHANGES_COPY, changes);
        advance("orders", lastOrderId);
        advance("order_items", lastItemId);
        advance("order_status_changes", lastChangeId);
        try (Statement s = connection.createStatement()) {
            s.execute("SELECT setval('order_reference_seq', greatest(" + lastReferenceNumber
                    + ", coalesce(pg_sequence_last_value('order_reference_seq'), 1)))");
        }
        connection.commit();
    }

    void analyze() throws SQLException {
        connection.setAutoCommit(true);
        try (Statement s = connection.createStatement()) {
            s.execute("ANALYZE restaurants, drivers, products, orders, order_items, order_status_changes");
        }
    }

    private void copyIn(String sql, CopyText text) throws SQLException {
        if (text.rows() == 0) {
            return;
        }
        try {
            copy.copyIn(sql, new ByteArrayInputStream(text.bytes()));
        } catch (IOException e) {
            throw new SQLException("COPY failed: " + sql, e);
        }
        text.clear();
    }

    private long nextId(String table) throws SQLException {
        return longQuery("SELECT greatest((SELECT coalesce(max(id), 0) FROM " + table + "), "
                + "coalesce(pg_sequence_last_value(pg_get_serial_sequence('" + table + "', 'id')), 0)) + 1");
    }

    /** Moves the table's identity sequence to at least {@code lastId}, never back. */
    private void advance(String table, long lastId) throws SQLException {
        if (lastId <= 0) {
            return;
        }
        try (Statement s = connection.createStatement()) {
            s.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), greatest(" + lastId
                    + ", coalesce(pg_sequence_last_value(pg_get_serial_sequence('" + table + "', 'id')), 1)))");
        }
    }

    private long longQuery(String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
