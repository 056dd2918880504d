package ge.dms.command.order;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static ge.dms.command.order.OrderAction.ASSIGN_DRIVER;
import static ge.dms.command.order.OrderAction.CANCEL;
import static ge.dms.command.order.OrderAction.CONFIRM;
import static ge.dms.command.order.OrderAction.DELIVER;
import static ge.dms.command.order.OrderAction.MARK_READY;
import static ge.dms.command.order.OrderAction.PICK_UP;
import static ge.dms.command.order.OrderAction.START_PREPARING;
import static ge.dms.command.order.OrderStatus.CANCELLED;
import static ge.dms.command.order.OrderStatus.CONFIRMED;
import static ge.dms.command.order.OrderStatus.DELIVERED;
import static ge.dms.command.order.OrderStatus.OUT_FOR_DELIVERY;
import static ge.dms.command.order.OrderStatus.PENDING;
import static ge.dms.command.order.OrderStatus.PREPARING;
import static ge.dms.command.order.OrderStatus.READY;

/**
 * The order state machine (DOMAIN.md), as a table: for each status, the actions it allows and
 * where each leads. Assigning a driver keeps the status. Who may do what is {@link OrderAccess}'s.
 */
public final class OrderLifecycle {

    private static final Map<OrderStatus, Map<OrderAction, OrderStatus>> TRANSITIONS = new EnumMap<>(OrderStatus.class);

    static {
        TRANSITIONS.put(PENDING, Map.of(CONFIRM, CONFIRMED, CANCEL, CANCELLED));
        TRANSITIONS.put(CONFIRMED, Map.of(START_PREPARING, PREPARING, ASSIGN_DRIVER, CONFIRMED, CANCEL, CANCELLED));
        TRANSITIONS.put(PREPARING, Map.of(MARK_READY, READY, ASSIGN_DRIVER, PREPARING, CANCEL, CANCELLED));
        TRANSITIONS.put(READY, Map.of(PICK_UP, OUT_FOR_DELIVERY, ASSIGN_DRIVER, READY, CANCEL, CANCELLED));
        TRANSITIONS.put(OUT_FOR_DELIVERY, Map.of(DELIVER, DELIVERED));
        TRANSITIONS.put(DELIVERED, Map.of());
        TRANSITIONS.put(CANCELLED, Map.of());
    }

    private OrderLifecycle() {
    }

    /** The status {@code action} leads to from {@code from}, or empty when the lifecycle forbids it. */
    public static Optional<OrderStatus> next(OrderStatus from, OrderAction action) {
        return Optional.ofNullable(TRANSITIONS.get(from).get(action));
    }

    /** Like {@link #next} but refusing with a {@link TransitionRefusedException}. */
    public static OrderStatus require(OrderStatus from, OrderAction action) {
        return next(from, action).orElseThrow(() -> new TransitionRefusedException(from, action, allowedActions(from),
                "cannot " + action.path() + " an order that is " + from.value()));
    }

    /** The actions allowed from {@code status}, in lifecycle order. */
    public static List<OrderAction> allowedActions(OrderStatus status) {
        return java.util.Arrays.stream(OrderAction.values()).filter(TRANSITIONS.get(status)::containsKey).toList();
    }
}
