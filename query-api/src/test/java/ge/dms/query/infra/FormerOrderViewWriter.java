package ge.dms.query.infra;

import ge.dms.projection.orderview.readstore.ReadStoreSink;
import ge.dms.projection.readstore.ReadStore;
import ge.dms.projection.readstore.ReusedConnection;
import ge.dms.schemas.serde.Json;
import ge.dms.schemas.view.OrderItemView;
import ge.dms.schemas.view.OrderView;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The order view writer as it was before jOOQ (plain JDBC strings), kept only as {@link ReadSideJooqMeasurement}'s
 * baseline. Writes batches of order views to the read-side {@code order_view} and {@code order_view_item}
 * tables in one transaction. The upsert only replaces a row the new view is newer than ({@link OrderView#isNewerThan}),
 * so replays and duplicates are harmless; items are rewritten only for the views that were applied.
 */
final class FormerOrderViewWriter implements ReadStoreSink.BatchWriter<OrderView> {

    private static final String UPSERT_VIEW = """
            INSERT INTO order_view (order_id, reference, status, restaurant_id, restaurant_name, driver_id, driver_name,
                delivery_address, requested_delivery_at, notes, total_amount, item_count, version, source_lsn,
                restaurant_lsn, driver_lsn, source_commit_time, created_at, updated_at, confirmed_at, ready_at, picked_up_at, delivered_at,
                cancelled_at, view, applied_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, now())
            ON CONFLICT (order_id) DO UPDATE SET reference = EXCLUDED.reference, status = EXCLUDED.status,
                restaurant_id = EXCLUDED.restaurant_id, restaurant_name = EXCLUDED.restaurant_name,
                driver_id = EXCLUDED.driver_id, driver_name = EXCLUDED.driver_name,
                delivery_address = EXCLUDED.delivery_address, requested_delivery_at = EXCLUDED.requested_delivery_at,
                notes = EXCLUDED.notes, total_amount = EXCLUDED.total_amount, item_count = EXCLUDED.item_count,
                version = EXCLUDED.version, source_lsn = EXCLUDED.source_lsn,
                restaurant_lsn = EXCLUDED.restaurant_lsn, driver_lsn = EXCLUDED.driver_lsn,
                source_commit_time = EXCLUDED.source_commit_time, created_at = EXCLUDED.created_at,
                updated_at = EXCLUDED.updated_at, confirmed_at = EXCLUDED.confirmed_at, ready_at = EXCLUDED.ready_at,
                picked_up_at = EXCLUDED.picked_up_at, delivered_at = EXCLUDED.delivered_at,
                cancelled_at = EXCLUDED.cancelled_at, view = EXCLUDED.view, applied_at = now()
            WHERE EXCLUDED.version > order_view.version
               OR (EXCLUDED.version = order_view.version
                   AND EXCLUDED.source_lsn >= order_view.source_lsn
                   AND EXCLUDED.restaurant_lsn >= order_view.restaurant_lsn
                   AND EXCLUDED.driver_lsn >= order_view.driver_lsn
                   AND (EXCLUDED.source_lsn, EXCLUDED.restaurant_lsn, EXCLUDED.driver_lsn)
                       <> (order_view.source_lsn, order_view.restaurant_lsn, order_view.driver_lsn))
            """;
    private static final String DELETE_ITEMS = "DELETE FROM order_view_item WHERE order_id = ?";
    private static final String INSERT_ITEM = """
            INSERT INTO order_view_item (item_id, order_id, product_id, product_name, unit_price, quantity, line_total)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (item_id) DO UPDATE SET order_id = EXCLUDED.order_id, product_id = EXCLUDED.product_id,
                product_name = EXCLUDED.product_name, unit_price = EXCLUDED.unit_price, quantity = EXCLUDED.quantity,
                line_total = EXCLUDED.line_total
            """;

    private final ReusedConnection connection;

    FormerOrderViewWriter(ReadStore store) {
        this.connection = new ReusedConnection(store);
    }

    @Override
    public int write(List<OrderView> batch) throws SQLException {
        return write((Collection<OrderView>) batch);
    }

    /** Applies the batch; returns how many views were newer than what the table held. */
    public int write(Collection<OrderView> batch) throws SQLException {
        List<OrderView> views = newestPerOrder(batch);
        if (views.isEmpty()) {
            return 0;
        }
        Connection c = connection.get();
        try {
            List<OrderView> applied = upsertViews(c, views);
            rewriteItems(c, applied);
            c.commit();
            return applied.size();
        } catch (SQLException | RuntimeException e) {
            connection.discard();
            throw e;
        }
    }

    private List<OrderView> upsertViews(Connection c, List<OrderView> views) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPSERT_VIEW)) {
            for (OrderView v : views) {
                int i = 1;
                ps.setLong(i++, v.orderId());
                ps.setString(i++, v.reference());
                ps.setString(i++, v.status());
                ps.setLong(i++, v.restaurantId());
                ps.setString(i++, v.restaurant() == null ? null : v.restaurant().name());
                setLong(ps, i++, v.driverId());
                ps.setString(i++, v.driver() == null ? null : v.driver().name());
                ps.setString(i++, v.deliveryAddress());
                setTime(ps, i++, v.requestedDeliveryAt());
                ps.setString(i++, v.notes());
                ps.setBigDecimal(i++, v.totalAmount());
                ps.setInt(i++, v.itemCount());
                ps.setLong(i++, v.version());
                ps.setLong(i++, v.sourceLsn());
                ps.setLong(i++, v.restaurantLsn());
                ps.setLong(i++, v.driverLsn());
                setTime(ps, i++, v.sourceCommitTime());
                for (Instant t : new Instant[] {v.createdAt(), v.updatedAt(), v.confirmedAt(), v.readyAt(),
                        v.pickedUpAt(), v.deliveredAt(), v.cancelledAt()}) {
                    setTime(ps, i++, t);
                }
                ps.setString(i, json(v));
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            List<OrderView> applied = new ArrayList<>();
            for (int k = 0; k < counts.length; k++) {
                if (counts[k] > 0 || counts[k] == java.sql.Statement.SUCCESS_NO_INFO) {
                    applied.add(views.get(k));
                }
            }
            return applied;
        }
    }

    private static void rewriteItems(Connection c, List<OrderView> applied) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement(DELETE_ITEMS);
             PreparedStatement insert = c.prepareStatement(INSERT_ITEM)) {
            for (OrderView v : applied) {
                delete.setLong(1, v.orderId());
                delete.addBatch();
                for (OrderItemView item : v.items()) {
                    insert.setLong(1, item.itemId());
                    insert.setLong(2, v.orderId());
                    setLong(insert, 3, item.productId());
                    insert.setString(4, item.productName());
                    insert.setBigDecimal(5, item.unitPrice());
                    insert.setBigDecimal(6, item.quantity());
                    insert.setBigDecimal(7, item.lineTotal());
                    insert.addBatch();
                }
            }
            delete.executeBatch();
            insert.executeBatch();
        }
    }

    /** A batch may hold several views of one order (a replay, a rename): only the newest counts. */
    private static List<OrderView> newestPerOrder(Collection<OrderView> batch) {
        Map<Long, OrderView> newest = new LinkedHashMap<>();
        for (OrderView v : batch) {
            if (v != null) {
                newest.merge(v.orderId(), v, (held, next) -> next.isNewerThan(held) ? next : held);
            }
        }
        return new ArrayList<>(newest.values());
    }

    @Override
    public void close() {
        connection.close();
    }

    private static String json(OrderView v) {
        try {
            return Json.mapper().writeValueAsString(v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, java.sql.Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    private static void setTime(PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, value.atOffset(java.time.ZoneOffset.UTC));
        }
    }
}
