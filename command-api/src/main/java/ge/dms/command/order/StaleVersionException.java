package ge.dms.command.order;

import ge.dms.schemas.order.OrderStatus;


/** The caller changed an order from a version that is no longer current (409). */
public final class StaleVersionException extends RuntimeException {

    private final long orderId;
    private final int expected;
    private final int current;
    private final OrderStatus currentStatus;

    public StaleVersionException(long orderId, int expected, int current, OrderStatus currentStatus) {
        super("order " + orderId + " is at version " + current + " (" + currentStatus.value() + "), not " + expected);
        this.orderId = orderId;
        this.expected = expected;
        this.current = current;
        this.currentStatus = currentStatus;
    }

    public long orderId() {
        return orderId;
    }

    public int expected() {
        return expected;
    }

    public int current() {
        return current;
    }

    public OrderStatus currentStatus() {
        return currentStatus;
    }
}
