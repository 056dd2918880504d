package ge.dms.schemas.event;

import ge.dms.schemas.order.OrderStatus;

/** The business events of an order's life; written by name. */
public enum OrderEventType {
    OrderPlaced, OrderConfirmed, OrderPreparationStarted, OrderReady, DriverAssigned,
    OrderPickedUp, OrderDelivered, OrderCancelled;

    /** The event a move into {@code toStatus} means, or null for a status this contract does not know. */
    public static OrderEventType forStatus(String toStatus) {
        return OrderStatus.find(toStatus).map(OrderEventType::forStatus).orElse(null);
    }

    /** The event a move into {@code toStatus} means. */
    public static OrderEventType forStatus(OrderStatus toStatus) {
        return switch (toStatus) {
            case PENDING -> OrderPlaced;
            case CONFIRMED -> OrderConfirmed;
            case PREPARING -> OrderPreparationStarted;
            case READY -> OrderReady;
            case OUT_FOR_DELIVERY -> OrderPickedUp;
            case DELIVERED -> OrderDelivered;
            case CANCELLED -> OrderCancelled;
        };
    }
}
