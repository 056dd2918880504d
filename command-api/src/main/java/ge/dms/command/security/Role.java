package ge.dms.command.security;

import java.util.Locale;

/** Who may call: the value is the JWT role and the {@code actor_role} written to the event log. */
public enum Role {
    ADMIN, RESTAURANT, DRIVER;

    public static final String ADMIN_ROLE = "admin";
    public static final String RESTAURANT_ROLE = "restaurant";
    public static final String DRIVER_ROLE = "driver";

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
