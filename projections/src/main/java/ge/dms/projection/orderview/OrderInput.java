package ge.dms.projection.orderview;

import ge.dms.projection.source.ItemRow;
import ge.dms.projection.source.OrderRow;

/** An order row or an item row on its way into the {@link OrderAssembler}; either names its order. */
record OrderInput(OrderRow order, ItemRow item) {

    /** The order this row belongs to: the assembler's store key, whatever the record's key is. */
    long orderId() {
        return order != null ? order.id() : item.orderId();
    }

    static OrderInput ofOrder(OrderRow order) {
        return new OrderInput(order, null);
    }

    static OrderInput ofItem(ItemRow item) {
        return new OrderInput(null, item);
    }
}
