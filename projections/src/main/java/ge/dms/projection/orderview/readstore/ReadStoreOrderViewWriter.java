package ge.dms.projection.orderview.readstore;

import ge.dms.projection.readstore.ReadStore;
import ge.dms.projection.readstore.ReusedConnection;
import ge.dms.readmodel.ReadSideSql;
import ge.dms.readmodel.UpsertColumns;
import ge.dms.readmodel.jooq.tables.records.OrderViewItemRecord;
import ge.dms.readmodel.jooq.tables.records.OrderViewRecord;
import ge.dms.schemas.serde.Json;
import ge.dms.schemas.view.OrderItemView;
import ge.dms.schemas.view.OrderView;
import org.jooq.BatchBindStep;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Query;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static ge.dms.projection.readstore.ReadSideValues.time;
import static ge.dms.readmodel.jooq.Tables.ORDER_VIEW;
import static ge.dms.readmodel.jooq.Tables.ORDER_VIEW_ITEM;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.row;

/**
 * Writes batches of order views to the read-side {@code order_view} and {@code order_view_item}
 * tables in one transaction. The upsert only replaces a row the new view is newer than ({@link OrderView#isNewerThan}),
 * so replays and duplicates are harmless; items are rewritten only for the views that were applied. Each statement is
 * prepared once per batch and sent as one JDBC batch (jOOQ's batch bind), as before jOOQ.
 */
public final class ReadStoreOrderViewWriter implements ReadStoreSink.BatchWriter<OrderView> {

    /** Every column but {@code applied_at}, whose default (now()) stamps an insert; an update sets it below. */
    private static final UpsertColumns<OrderViewRecord> VIEW = UpsertColumns.of(ORDER_VIEW, ORDER_VIEW.ORDER_ID,
            ORDER_VIEW.REFERENCE, ORDER_VIEW.STATUS, ORDER_VIEW.RESTAURANT_ID, ORDER_VIEW.RESTAURANT_NAME,
            ORDER_VIEW.DRIVER_ID, ORDER_VIEW.DRIVER_NAME, ORDER_VIEW.DELIVERY_ADDRESS, ORDER_VIEW.REQUESTED_DELIVERY_AT,
            ORDER_VIEW.NOTES, ORDER_VIEW.TOTAL_AMOUNT, ORDER_VIEW.ITEM_COUNT, ORDER_VIEW.VERSION, ORDER_VIEW.SOURCE_LSN,
            ORDER_VIEW.RESTAURANT_LSN, ORDER_VIEW.DRIVER_LSN, ORDER_VIEW.SOURCE_COMMIT_TIME, ORDER_VIEW.CREATED_AT,
            ORDER_VIEW.UPDATED_AT, ORDER_VIEW.CONFIRMED_AT, ORDER_VIEW.READY_AT, ORDER_VIEW.PICKED_UP_AT,
            ORDER_VIEW.DELIVERED_AT, ORDER_VIEW.CANCELLED_AT, ORDER_VIEW.VIEW);
    private static final UpsertColumns<OrderViewItemRecord> ITEM = UpsertColumns.of(ORDER_VIEW_ITEM,
            ORDER_VIEW_ITEM.ITEM_ID, ORDER_VIEW_ITEM.ORDER_ID, ORDER_VIEW_ITEM.PRODUCT_ID, ORDER_VIEW_ITEM.PRODUCT_NAME,
            ORDER_VIEW_ITEM.UNIT_PRICE, ORDER_VIEW_ITEM.QUANTITY, ORDER_VIEW_ITEM.LINE_TOTAL);

    private final ReusedConnection connection;

    public ReadStoreOrderViewWriter(ReadStore store) {
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
            DSLContext sql = ReadSideSql.using(c);
            List<OrderView> applied = upsertViews(sql, views);
            rewriteItems(sql, applied);
            c.commit();
            return applied.size();
        } catch (DataAccessException e) {
            connection.discard();
            throw ReadSideSql.sqlException(e); // the sink retries on SQLException
        } catch (SQLException | RuntimeException e) {
            connection.discard();
            throw e;
        }
    }

    /** The same rule as {@link OrderView#isNewerThan}: a higher version, or at the same one no LSN lower and one higher. */
    static Condition newer() {
        return excluded(ORDER_VIEW.VERSION).gt(ORDER_VIEW.VERSION)
                .or(excluded(ORDER_VIEW.VERSION).eq(ORDER_VIEW.VERSION)
                        .and(excluded(ORDER_VIEW.SOURCE_LSN).ge(ORDER_VIEW.SOURCE_LSN))
                        .and(excluded(ORDER_VIEW.RESTAURANT_LSN).ge(ORDER_VIEW.RESTAURANT_LSN))
                        .and(excluded(ORDER_VIEW.DRIVER_LSN).ge(ORDER_VIEW.DRIVER_LSN))
                        .and(row(excluded(ORDER_VIEW.SOURCE_LSN), excluded(ORDER_VIEW.RESTAURANT_LSN), excluded(ORDER_VIEW.DRIVER_LSN))
                                .ne(row(ORDER_VIEW.SOURCE_LSN, ORDER_VIEW.RESTAURANT_LSN, ORDER_VIEW.DRIVER_LSN))));
    }

    static Query upsertView(DSLContext sql) {
        return sql.insertInto(ORDER_VIEW, VIEW.fields()).values(VIEW.placeholders())
                .onConflict(ORDER_VIEW.ORDER_ID).doUpdate()
                .set(VIEW.excludedExcept(ORDER_VIEW.ORDER_ID))
                .set(ORDER_VIEW.APPLIED_AT, ReadSideSql.NOW)
                .where(newer());
    }

    private static List<OrderView> upsertViews(DSLContext sql, List<OrderView> views) {
        BatchBindStep upsert = sql.batch(upsertView(sql));
        for (OrderView v : views) {
            upsert.bind(VIEW.row()
                    .set(ORDER_VIEW.ORDER_ID, v.orderId())
                    .set(ORDER_VIEW.REFERENCE, v.reference())
                    .set(ORDER_VIEW.STATUS, v.status())
                    .set(ORDER_VIEW.RESTAURANT_ID, v.restaurantId())
                    .set(ORDER_VIEW.RESTAURANT_NAME, v.restaurant() == null ? null : v.restaurant().name())
                    .set(ORDER_VIEW.DRIVER_ID, v.driverId())
                    .set(ORDER_VIEW.DRIVER_NAME, v.driver() == null ? null : v.driver().name())
                    .set(ORDER_VIEW.DELIVERY_ADDRESS, v.deliveryAddress())
                    .set(ORDER_VIEW.REQUESTED_DELIVERY_AT, time(v.requestedDeliveryAt()))
                    .set(ORDER_VIEW.NOTES, v.notes())
                    .set(ORDER_VIEW.TOTAL_AMOUNT, v.totalAmount())
                    .set(ORDER_VIEW.ITEM_COUNT, v.itemCount())
                    .set(ORDER_VIEW.VERSION, v.version())
                    .set(ORDER_VIEW.SOURCE_LSN, v.sourceLsn())
                    .set(ORDER_VIEW.RESTAURANT_LSN, v.restaurantLsn())
                    .set(ORDER_VIEW.DRIVER_LSN, v.driverLsn())
                    .set(ORDER_VIEW.SOURCE_COMMIT_TIME, time(v.sourceCommitTime()))
                    .set(ORDER_VIEW.CREATED_AT, time(v.createdAt()))
                    .set(ORDER_VIEW.UPDATED_AT, time(v.updatedAt()))
                    .set(ORDER_VIEW.CONFIRMED_AT, time(v.confirmedAt()))
                    .set(ORDER_VIEW.READY_AT, time(v.readyAt()))
                    .set(ORDER_VIEW.PICKED_UP_AT, time(v.pickedUpAt()))
                    .set(ORDER_VIEW.DELIVERED_AT, time(v.deliveredAt()))
                    .set(ORDER_VIEW.CANCELLED_AT, time(v.cancelledAt()))
                    .set(ORDER_VIEW.VIEW, JSONB.valueOf(json(v)))
                    .values());
        }
        int[] counts = upsert.execute();
        List<OrderView> applied = new ArrayList<>();
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] > 0 || counts[k] == Statement.SUCCESS_NO_INFO) {
                applied.add(views.get(k));
            }
        }
        return applied;
    }

    private static void rewriteItems(DSLContext sql, List<OrderView> applied) {
        if (applied.isEmpty()) {
            return; // a jOOQ batch without bind values would run its statement once, unbound
        }
        BatchBindStep delete = sql.batch(sql.deleteFrom(ORDER_VIEW_ITEM)
                .where(ORDER_VIEW_ITEM.ORDER_ID.eq(DSL.param("order_id", ORDER_VIEW_ITEM.ORDER_ID))));
        BatchBindStep insert = sql.batch(sql.insertInto(ORDER_VIEW_ITEM, ITEM.fields()).values(ITEM.placeholders())
                .onConflict(ORDER_VIEW_ITEM.ITEM_ID).doUpdate()
                .set(ITEM.excludedExcept(ORDER_VIEW_ITEM.ITEM_ID)));
        boolean anyItem = false;
        for (OrderView v : applied) {
            delete.bind(v.orderId());
            for (OrderItemView item : v.items()) {
                insert.bind(ITEM.row()
                        .set(ORDER_VIEW_ITEM.ITEM_ID, item.itemId())
                        .set(ORDER_VIEW_ITEM.ORDER_ID, v.orderId())
                        .set(ORDER_VIEW_ITEM.PRODUCT_ID, item.productId())
                        .set(ORDER_VIEW_ITEM.PRODUCT_NAME, item.productName())
                        .set(ORDER_VIEW_ITEM.UNIT_PRICE, item.unitPrice())
                        .set(ORDER_VIEW_ITEM.QUANTITY, item.quantity())
                        .set(ORDER_VIEW_ITEM.LINE_TOTAL, item.lineTotal())
                        .values());
                anyItem = true;
            }
        }
        delete.execute();
        if (anyItem) {
            insert.execute();
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
}
