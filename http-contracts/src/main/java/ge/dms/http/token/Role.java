package ge.dms.http.token;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Who may call: {@link #value()} is the token's {@code roles} entry and the {@code actor_role} the write side logs. */
public enum Role {
    ADMIN, RESTAURANT, DRIVER;

    /** The values as constants, for annotations ({@code @Secured(Role.ADMIN_ROLE)}). */
    public static final String ADMIN_ROLE = "admin";
    public static final String RESTAURANT_ROLE = "restaurant";
    public static final String DRIVER_ROLE = "driver";

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role whose value is {@code value}; an unknown one is an {@link IllegalArgumentException}. */
    public static Role of(String value) {
        return find(value).orElseThrow(() -> new IllegalArgumentException("unknown role: " + value));
    }

    public static Optional<Role> find(String value) {
        return Arrays.stream(values()).filter(r -> r.value().equals(value)).findFirst();
    }
}
