package ge.dms.command.order;

import ge.dms.schemas.order.OrderStatus;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The order state machine as actions: an action is allowed where the shared lifecycle ({@link OrderStatus#next()})
 * allows the move it makes. Assigning a driver keeps the status and is allowed while the order is confirmed and not
 * yet picked up. Who may do what is {@link OrderAccess}'s.
 */
public final class OrderLifecycle {

    /** Where a driver can still be (re)assigned: confirmed, and the driver has not picked the order up yet. */
    private static final Set<OrderStatus> DRIVER_ASSIGNABLE = EnumSet.of(OrderStatus.CONFIRMED, OrderStatus.PREPARING, OrderStatus.READY);

    private OrderLifecycle() {
    }

    /** The status {@code action} leads to from {@code from}, or empty when the lifecycle forbids it. */
    public static Optional<OrderStatus> next(OrderStatus from, OrderAction action) {
        if (action.leadsTo() == null) {
            return DRIVER_ASSIGNABLE.contains(from) ? Optional.of(from) : Optional.empty();
        }
        return from.mayBecome(action.leadsTo()) ? Optional.of(action.leadsTo()) : Optional.empty();
    }

    /** Like {@link #next} but refusing with a {@link TransitionRefusedException}. */
    public static OrderStatus require(OrderStatus from, OrderAction action) {
        return next(from, action).orElseThrow(() -> new TransitionRefusedException(from, action, allowedActions(from),
                "cannot " + action.path() + " an order that is " + from.value()));
    }

    /** The actions allowed from {@code status}, in lifecycle order. */
    public static List<OrderAction> allowedActions(OrderStatus status) {
        return Arrays.stream(OrderAction.values()).filter(action -> next(status, action).isPresent()).toList();
    }
}
