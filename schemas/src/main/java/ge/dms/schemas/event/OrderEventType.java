package ge.dms.schemas.event;

/** The business events of an order's life; written by name. */
public enum OrderEventType {
    OrderPlaced, OrderConfirmed, OrderPreparationStarted, OrderReady, DriverAssigned,
    OrderPickedUp, OrderDelivered, OrderCancelled;

    /** The event a move into {@code toStatus} means, or null for a status this contract does not know. */
    public static OrderEventType forStatus(String toStatus) {
        if (toStatus == null) {
            return null;
        }
        return switch (toStatus) {
            case "pending" -> OrderPlaced;
            case "confirmed" -> OrderConfirmed;
            case "preparing" -> OrderPreparationStarted;
            case "ready" -> OrderReady;
            case "out_for_delivery" -> OrderPickedUp;
            case "delivered" -> OrderDelivered;
            case "cancelled" -> OrderCancelled;
            default -> null;
        };
    }
}
