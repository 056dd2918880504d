package ge.dms.command.security;

import ge.dms.http.token.Claims;
import ge.dms.http.token.Role;
import io.micronaut.security.authentication.Authentication;

/**
 * The caller as the domain sees it: a role and, for restaurants and drivers, whose id it acts
 * for (admins carry their user id when the token has one, else null).
 */
public record Actor(Role role, Long id) {

    public static Actor from(Authentication authentication) {
        Role role = authentication.getRoles().stream().findFirst().map(Role::of)
                .orElseThrow(() -> new IllegalStateException("authenticated without a role"));
        Object id = authentication.getAttributes().get(Claims.PARTY_ID);
        return new Actor(role, id instanceof Number n ? n.longValue() : null);
    }

    public boolean is(Role other) {
        return role == other;
    }

    /** Identifies the caller for idempotency keys: keys of different callers never collide. */
    public String key() {
        return role.value() + ":" + (id == null ? "-" : id);
    }
}
