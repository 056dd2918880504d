package ge.dms.projection.orderview;

import ge.dms.projection.source.ItemRow;
import ge.dms.projection.source.OrderRow;

/** An order row or an item row, both keyed by order id, on their way into the {@link OrderAssembler}. */
record OrderInput(OrderRow order, ItemRow item) {

    static OrderInput ofOrder(OrderRow order) {
        return new OrderInput(order, null);
    }

    static OrderInput ofItem(ItemRow item) {
        return new OrderInput(null, item);
    }
}
