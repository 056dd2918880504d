package ge.dms.query.board;

import ge.dms.query.http.Cursor;
import ge.dms.query.infra.ReadStore;
import ge.dms.query.order.ReadStoreOrders;
import ge.dms.schemas.view.BoardRow;
import jakarta.inject.Singleton;

import org.jooq.Condition;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static ge.dms.query.order.ReadStoreOrders.instant;
import static ge.dms.readmodel.jooq.Tables.ORDER_VIEW;

/**
 * The board from the read-side {@code order_view}: history, driver filters, and the fallback when
 * Redis is down; without a restaurant, the dispatcher queue over every restaurant. Keyset on (created_at, order_id)
 * descending, served by the {@code order_view_restaurant_*} indexes (one restaurant), {@code order_view_status_created},
 * {@code order_view_unassigned_*} or {@code order_view_created} (every restaurant); never OFFSET. Reads only the list columns (not the
 * {@code view} jsonb with its items) and answers the same {@link BoardRow}s Redis holds.
 */
@Singleton
public class ReadStoreBoard {

    /** The list columns {@link #row} reads. */
    private static final List<SelectField<?>> COLUMNS = List.of(ORDER_VIEW.ORDER_ID, ORDER_VIEW.REFERENCE, ORDER_VIEW.STATUS,
            ORDER_VIEW.RESTAURANT_ID, ORDER_VIEW.RESTAURANT_NAME, ORDER_VIEW.DRIVER_ID, ORDER_VIEW.DRIVER_NAME,
            ORDER_VIEW.ITEM_COUNT, ORDER_VIEW.TOTAL_AMOUNT, ORDER_VIEW.REQUESTED_DELIVERY_AT, ORDER_VIEW.CREATED_AT,
            ORDER_VIEW.UPDATED_AT, ORDER_VIEW.VERSION, ORDER_VIEW.SOURCE_COMMIT_TIME);

    private final ReadStore store;

    public ReadStoreBoard(ReadStore store) {
        this.store = store;
    }

    public BoardPage page(BoardFilter f) {
        List<ByteBuffer> rows = new ArrayList<>();
        Instant newest = null;
        BoardRow last = null;
        boolean more = false;
        try {
            for (Record r : store.sql().select(COLUMNS).from(ORDER_VIEW).where(conditions(f))
                    .orderBy(ORDER_VIEW.CREATED_AT.desc(), ORDER_VIEW.ORDER_ID.desc())
                    .limit(f.limit() + 1)
                    .fetch()) {
                if (rows.size() == f.limit()) {
                    more = true;
                    break;
                }
                last = row(r);
                rows.add(ByteBuffer.wrap(BoardJson.bytes(last)));
                Instant commit = last.sourceCommitTime();
                if (commit != null && (newest == null || commit.isAfter(newest))) {
                    newest = commit;
                }
            }
        } catch (DataAccessException e) {
            throw ReadStoreOrders.unavailable(e);
        }
        String next = more ? new Cursor(ChronoUnit.MICROS.between(Instant.EPOCH, last.createdAt()), last.orderId(), true).encode()
                : null;
        return new BoardPage(rows, next, newest);
    }

    /** The filter's conditions, in the order the indexes lead with them; keyset after the cursor's (created_at, order_id). */
    private static List<Condition> conditions(BoardFilter f) {
        List<Condition> where = new ArrayList<>();
        if (f.restaurantId() != null) {
            where.add(ORDER_VIEW.RESTAURANT_ID.eq(f.restaurantId()));
        }
        if (f.unassigned()) {
            where.add(ORDER_VIEW.DRIVER_ID.isNull()); // the partial order_view_unassigned_* indexes (V6)
        }
        if (f.status() != null) {
            where.add(ORDER_VIEW.STATUS.eq(f.status()));
        }
        if (f.driverId() != null) {
            where.add(ORDER_VIEW.DRIVER_ID.eq(f.driverId()));
        }
        if (f.from() != null) {
            where.add(ORDER_VIEW.CREATED_AT.ge(time(f.from())));
        }
        if (f.to() != null) {
            where.add(ORDER_VIEW.CREATED_AT.lt(time(f.to())));
        }
        if (f.cursor() != null) {
            where.add(DSL.row(ORDER_VIEW.CREATED_AT, ORDER_VIEW.ORDER_ID)
                    .lt(time(Instant.EPOCH.plus(f.cursor().microsValue(), ChronoUnit.MICROS)), f.cursor().orderId()));
        }
        return where.isEmpty() ? List.of(DSL.noCondition()) : where;
    }

    /** The row from the {@code order_view} columns the projections copied from the view, as {@link BoardRow#of} takes them. */
    private static BoardRow row(Record r) {
        return new BoardRow(BoardRow.SCHEMA_VERSION, r.get(ORDER_VIEW.ORDER_ID), r.get(ORDER_VIEW.REFERENCE),
                r.get(ORDER_VIEW.STATUS), r.get(ORDER_VIEW.RESTAURANT_ID), r.get(ORDER_VIEW.RESTAURANT_NAME),
                r.get(ORDER_VIEW.DRIVER_ID), r.get(ORDER_VIEW.DRIVER_NAME), r.get(ORDER_VIEW.ITEM_COUNT),
                r.get(ORDER_VIEW.TOTAL_AMOUNT), instant(r.get(ORDER_VIEW.REQUESTED_DELIVERY_AT)),
                instant(r.get(ORDER_VIEW.CREATED_AT)), instant(r.get(ORDER_VIEW.UPDATED_AT)), r.get(ORDER_VIEW.VERSION),
                instant(r.get(ORDER_VIEW.SOURCE_COMMIT_TIME)));
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
