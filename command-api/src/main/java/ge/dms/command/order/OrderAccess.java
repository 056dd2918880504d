package ge.dms.command.order;

import ge.dms.command.security.Actor;
import ge.dms.schemas.order.OrderStatus;

import java.util.Objects;

/**
 * Who may do what to an order. Restaurants see only their own orders and may only cancel them
 * (while pending, see {@link #restaurantMayCancel}); drivers see only orders assigned to them and
 * may only pick up and deliver; admins do everything else. Callers are not told that orders
 * they may not see exist.
 */
public final class OrderAccess {

    public enum Decision { ALLOWED, NOT_VISIBLE, FORBIDDEN }

    private OrderAccess() {
    }

    public static Decision decide(Actor actor, OrderAction action, long restaurantId, Long driverId) {
        return switch (actor.role()) {
            case RESTAURANT -> !Objects.equals(actor.id(), restaurantId) ? Decision.NOT_VISIBLE
                    : action == OrderAction.CANCEL ? Decision.ALLOWED : Decision.FORBIDDEN;
            case DRIVER -> driverId == null || !Objects.equals(actor.id(), driverId) ? Decision.NOT_VISIBLE
                    : action == OrderAction.PICK_UP || action == OrderAction.DELIVER ? Decision.ALLOWED : Decision.FORBIDDEN;
            case ADMIN -> action == OrderAction.PICK_UP || action == OrderAction.DELIVER ? Decision.FORBIDDEN : Decision.ALLOWED;
        };
    }

    /** A restaurant cancels only while the distributor has not confirmed; admins until pick-up. */
    public static boolean restaurantMayCancel(OrderStatus status) {
        return status == OrderStatus.PENDING;
    }
}
