package ge.dms.command.order;

import ge.dms.schemas.order.OrderStatus;

/**
 * What a caller can do to an existing order; {@link #path()} is its URL segment, {@link #leadsTo()} the status it
 * moves the order to (null for a driver assignment, which keeps the status).
 */
public enum OrderAction {
    CONFIRM("confirm", OrderStatus.CONFIRMED),
    START_PREPARING("start-preparing", OrderStatus.PREPARING),
    MARK_READY("mark-ready", OrderStatus.READY),
    ASSIGN_DRIVER("assign-driver", null),
    PICK_UP("pick-up", OrderStatus.OUT_FOR_DELIVERY),
    DELIVER("deliver", OrderStatus.DELIVERED),
    CANCEL("cancel", OrderStatus.CANCELLED);

    private final String path;
    private final OrderStatus leadsTo;

    OrderAction(String path, OrderStatus leadsTo) {
        this.path = path;
        this.leadsTo = leadsTo;
    }

    public String path() {
        return path;
    }

    public OrderStatus leadsTo() {
        return leadsTo;
    }
}
