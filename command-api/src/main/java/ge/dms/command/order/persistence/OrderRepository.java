package ge.dms.command.order.persistence;

import ge.dms.command.order.OrderAction;
import ge.dms.command.order.OrderResult;
import ge.dms.command.persistence.jooq.tables.records.OrdersRecord;
import ge.dms.command.security.Actor;
import ge.dms.command.trace.RequestId;
import ge.dms.schemas.order.OrderStatus;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static ge.dms.command.persistence.jooq.Sequences.ORDER_REFERENCE_SEQ;
import static ge.dms.command.persistence.jooq.Tables.ORDERS;
import static ge.dms.command.persistence.jooq.Tables.ORDER_ITEMS;
import static ge.dms.command.persistence.jooq.Tables.ORDER_STATUS_CHANGES;

/**
 * Orders, their lines and their status-change log; every method runs in the caller's transaction. The order row
 * and the log row are stamped with the request's correlation id ({@link RequestId}), so the change events carry it.
 */
@Singleton
public class OrderRepository {

    /** A priced line, ready to store. */
    public record PricedLine(long productId, String productName, BigDecimal unitPrice, BigDecimal quantity, BigDecimal lineTotal) {
    }

    public long nextReferenceNumber(DSLContext tx) {
        return tx.nextval(ORDER_REFERENCE_SEQ);
    }

    public OrdersRecord insert(DSLContext tx, String reference, long restaurantId, String deliveryAddress,
                               OffsetDateTime requestedDeliveryAt, String notes, List<PricedLine> lines, BigDecimal total) {
        OrdersRecord order = tx.insertInto(ORDERS)
                .set(ORDERS.REFERENCE, reference)
                .set(ORDERS.RESTAURANT_ID, restaurantId)
                .set(ORDERS.STATUS, OrderStatus.PENDING.value())
                .set(ORDERS.DELIVERY_ADDRESS, deliveryAddress)
                .set(ORDERS.REQUESTED_DELIVERY_AT, requestedDeliveryAt)
                .set(ORDERS.NOTES, notes)
                .set(ORDERS.TOTAL_AMOUNT, total)
                .set(ORDERS.ITEM_COUNT, lines.size())
                .set(ORDERS.VERSION, 1)
                .set(ORDERS.REQUEST_ID, RequestId.current())
                .returning()
                .fetchSingle();
        var insert = tx.insertInto(ORDER_ITEMS, ORDER_ITEMS.ORDER_ID, ORDER_ITEMS.PRODUCT_ID, ORDER_ITEMS.PRODUCT_NAME,
                ORDER_ITEMS.UNIT_PRICE, ORDER_ITEMS.QUANTITY, ORDER_ITEMS.LINE_TOTAL);
        for (PricedLine line : lines) {
            insert = insert.values(order.getId(), line.productId(), line.productName(), line.unitPrice(), line.quantity(), line.lineTotal());
        }
        insert.execute();
        return order;
    }

    public Optional<OrdersRecord> find(DSLContext tx, long id) {
        return tx.selectFrom(ORDERS).where(ORDERS.ID.eq(id)).fetchOptional();
    }

    /**
     * Moves the order to {@code next} if it is still at {@code expectedVersion}; empty when another
     * write got there first (the compare-and-set that makes the optimistic lock hold under races).
     */
    public Optional<OrdersRecord> transition(DSLContext tx, long id, int expectedVersion, OrderAction action,
                                             OrderStatus next, Long driverId) {
        var update = tx.update(ORDERS)
                .set(ORDERS.STATUS, next.value())
                .set(ORDERS.VERSION, ORDERS.VERSION.plus(1))
                .set(ORDERS.UPDATED_AT, DSL.currentOffsetDateTime())
                // Always set, null outside a request: the row must never keep the id of an earlier write.
                .set(ORDERS.REQUEST_ID, RequestId.current());
        Field<OffsetDateTime> stamp = switch (action) {
            case CONFIRM -> ORDERS.CONFIRMED_AT;
            case MARK_READY -> ORDERS.READY_AT;
            case PICK_UP -> ORDERS.PICKED_UP_AT;
            case DELIVER -> ORDERS.DELIVERED_AT;
            case CANCEL -> ORDERS.CANCELLED_AT;
            case START_PREPARING, ASSIGN_DRIVER -> null;
        };
        if (stamp != null) {
            update = update.set(stamp, DSL.currentOffsetDateTime());
        }
        if (action == OrderAction.ASSIGN_DRIVER) {
            update = update.set(ORDERS.DRIVER_ID, driverId);
        }
        return update.where(ORDERS.ID.eq(id), ORDERS.VERSION.eq(expectedVersion)).returning().fetchOptional();
    }

    public void logChange(DSLContext tx, long orderId, OrderStatus from, OrderStatus to, Actor actor, String reason) {
        tx.insertInto(ORDER_STATUS_CHANGES)
                .set(ORDER_STATUS_CHANGES.ORDER_ID, orderId)
                .set(ORDER_STATUS_CHANGES.FROM_STATUS, from == null ? null : from.value())
                .set(ORDER_STATUS_CHANGES.TO_STATUS, to.value())
                .set(ORDER_STATUS_CHANGES.ACTOR_ROLE, actor.role().value())
                .set(ORDER_STATUS_CHANGES.ACTOR_ID, actor.id())
                .set(ORDER_STATUS_CHANGES.REASON, reason)
                .set(ORDER_STATUS_CHANGES.REQUEST_ID, RequestId.current())
                .execute();
    }

    public static OrderResult toResult(OrdersRecord order) {
        return new OrderResult(order.getId(), order.getReference(), order.getStatus(), order.getVersion(),
                order.getRestaurantId(), order.getDriverId(), order.getItemCount(), order.getTotalAmount(),
                order.getRequestedDeliveryAt(), order.getUpdatedAt());
    }
}
