package ge.dms.command.order;

import ge.dms.schemas.order.OrderStatus;

import java.util.List;

/** The lifecycle does not allow this action from the order's current status (409). */
public final class TransitionRefusedException extends RuntimeException {

    private final OrderStatus current;
    private final OrderAction action;
    private final List<OrderAction> allowed;

    public TransitionRefusedException(OrderStatus current, OrderAction action, List<OrderAction> allowed, String detail) {
        super(detail);
        this.current = current;
        this.action = action;
        this.allowed = List.copyOf(allowed);
    }

    public OrderStatus current() {
        return current;
    }

    public OrderAction action() {
        return action;
    }

    public List<OrderAction> allowed() {
        return allowed;
    }
}
