package ge.dms.query.security;

import ge.dms.query.http.ApiException;

/**
 * The authenticated caller: a role and, for restaurants and drivers, whose id it acts for; and the
 * session it signed in with ({@code sid}), null for tokens not from sign-in ({@code ./dev token}).
 */
public record Caller(Role role, Long id, String sessionId) {

    public Caller(Role role, Long id) {
        this(role, id, null);
    }

    public enum Role { ADMIN, RESTAURANT, DRIVER }

    public static final String ATTRIBUTE = "dms.caller";

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** Admin, or the restaurant itself. */
    public void requireRestaurant(long restaurantId) {
        if (!isAdmin() && !(role == Role.RESTAURANT && id == restaurantId)) {
            throw ApiException.forbidden("this token may not read restaurant " + restaurantId);
        }
    }

    /** Admin, or the driver itself. */
    public void requireDriver(long driverId) {
        if (!isAdmin() && !(role == Role.DRIVER && id == driverId)) {
            throw ApiException.forbidden("this token may not read driver " + driverId);
        }
    }

    public void requireAdmin() {
        if (!isAdmin()) {
            throw ApiException.forbidden("admins only");
        }
    }

    /** Admin; the order's restaurant; or its assigned driver. */
    public boolean maySee(long restaurantId, Long driverId) {
        return isAdmin() || (role == Role.RESTAURANT && id == restaurantId)
                || (role == Role.DRIVER && driverId != null && id.equals(driverId));
    }
}
