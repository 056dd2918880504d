package ge.dms.schemas.order;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The order lifecycle's states, the one list every module uses: the write side's
 * {@code orders.status} CHECK constraint, the change events and views ({@code status} fields),
 * the read-side queries and both OpenAPI documents hold to it ({@code OrderStatusContractTest}).
 * {@link #value()} is the wire and column form ({@code out_for_delivery}).
 *
 * <p>The state machine (docs/domain.md): pending → confirmed → preparing → ready →
 * out_for_delivery → delivered, and cancelled from any state before out_for_delivery. Delivered
 * and cancelled are terminal.
 */
public enum OrderStatus {
    PENDING, CONFIRMED, PREPARING, READY, OUT_FOR_DELIVERY, DELIVERED, CANCELLED;

    /** Not delivered or cancelled yet: the dispatcher queue's indexes hold these. */
    public static final Set<OrderStatus> OPEN = immutable(EnumSet.range(PENDING, OUT_FOR_DELIVERY));
    /** Delivered or cancelled: no move leads out of these. */
    public static final Set<OrderStatus> TERMINAL = immutable(EnumSet.of(DELIVERED, CANCELLED));
    /** Confirmed and not yet delivered or cancelled: the order sits in its driver's active queue (its load). */
    public static final Set<OrderStatus> ACTIVE_FOR_DRIVER = immutable(EnumSet.of(CONFIRMED, PREPARING, READY, OUT_FOR_DELIVERY));

    /** The column and wire form, e.g. {@code out_for_delivery}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The statuses this one may move to (a driver assignment keeps the status and is not a move). */
    public Set<OrderStatus> next() {
        return switch (this) {
            case PENDING -> Set.of(CONFIRMED, CANCELLED);
            case CONFIRMED -> Set.of(PREPARING, CANCELLED);
            case PREPARING -> Set.of(READY, CANCELLED);
            case READY -> Set.of(OUT_FOR_DELIVERY, CANCELLED);
            case OUT_FOR_DELIVERY -> Set.of(DELIVERED);
            case DELIVERED, CANCELLED -> Set.of();
        };
    }

    public boolean mayBecome(OrderStatus to) {
        return next().contains(to);
    }

    public boolean isTerminal() {
        return TERMINAL.contains(this);
    }

    /** The status whose {@link #value()} is {@code value}; an unknown one is an {@link IllegalArgumentException}. */
    public static OrderStatus of(String value) {
        return find(value).orElseThrow(() -> new IllegalArgumentException("unknown order status: " + value));
    }

    /** The status whose {@link #value()} is {@code value}, or empty for null or an unknown value. */
    public static Optional<OrderStatus> find(String value) {
        return Arrays.stream(values()).filter(s -> s.value().equals(value)).findFirst();
    }

    /** True when {@code value} names one of {@code statuses} (false for null or an unknown value). */
    public static boolean isIn(String value, Set<OrderStatus> statuses) {
        return find(value).filter(statuses::contains).isPresent();
    }

    /** The wire forms of {@code statuses}, in lifecycle order. */
    public static List<String> valuesOf(Collection<OrderStatus> statuses) {
        return Arrays.stream(values()).filter(statuses::contains).map(OrderStatus::value).toList();
    }

    /** Every wire form, in lifecycle order. */
    public static List<String> allValues() {
        return valuesOf(EnumSet.allOf(OrderStatus.class));
    }

    /**
     * {@code statuses} as an SQL list of literals, {@code 'confirmed', 'preparing'}: the values are this enum's
     * own constants, never input, so a query can hold the set in its text (and its plan) instead of a parameter.
     */
    public static String sqlLiterals(Collection<OrderStatus> statuses) {
        return valuesOf(statuses).stream().map(v -> "'" + v + "'").collect(Collectors.joining(", "));
    }

    private static Set<OrderStatus> immutable(EnumSet<OrderStatus> set) {
        return Collections.unmodifiableSet(set);
    }
}
