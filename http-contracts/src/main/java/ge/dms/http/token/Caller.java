package ge.dms.http.token;

/**
 * The authenticated caller a verified token names: a role, for restaurants and drivers whose id it acts for (admins
 * carry their party id when the token has one, else null), and the sign-in session ({@link Claims#SESSION}), null for
 * tokens not from sign-in.
 */
public record Caller(Role role, Long id, String sessionId) {

    /** The request attribute an HTTP filter keeps the caller under for the handlers. */
    public static final String ATTRIBUTE = "dms.caller";

    public Caller {
        if (role == null) {
            throw new IllegalArgumentException("a caller has a role");
        }
        if (role != Role.ADMIN && id == null) {
            throw new IllegalArgumentException("a " + role.value() + " caller acts for a " + role.value() + "'s id");
        }
    }

    public Caller(Role role, Long id) {
        this(role, id, null);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public boolean is(Role other) {
        return role == other;
    }

    /** Admin, or the restaurant itself. */
    public void requireRestaurant(long restaurantId) {
        if (!isAdmin() && !(role == Role.RESTAURANT && id == restaurantId)) {
            throw new AccessDenied("this token may not read restaurant " + restaurantId);
        }
    }

    /** Admin, or the driver itself. */
    public void requireDriver(long driverId) {
        if (!isAdmin() && !(role == Role.DRIVER && id == driverId)) {
            throw new AccessDenied("this token may not read driver " + driverId);
        }
    }

    public void requireAdmin() {
        if (!isAdmin()) {
            throw new AccessDenied("admins only");
        }
    }

    /** Admin; the order's restaurant; or its assigned driver. */
    public boolean maySee(long restaurantId, Long driverId) {
        return isAdmin() || (role == Role.RESTAURANT && id == restaurantId)
                || (role == Role.DRIVER && driverId != null && id.equals(driverId));
    }
}
