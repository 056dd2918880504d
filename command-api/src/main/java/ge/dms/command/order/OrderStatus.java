package ge.dms.command.order;

import java.util.Locale;

/** The order lifecycle's states; {@link #value()} is what {@code orders.status} holds. */
public enum OrderStatus {
    PENDING, CONFIRMED, PREPARING, READY, OUT_FOR_DELIVERY, DELIVERED, CANCELLED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OrderStatus of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
