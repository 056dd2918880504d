package ge.dms.devstack.tokens;

import ge.dms.http.token.Caller;
import ge.dms.http.token.Claims;
import ge.dms.http.token.Role;
import ge.dms.http.token.TokenCodec;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Mints tokens for local use and tests ({@code ./dev token --role restaurant --id 7}), signed
 * with the same secret the services are given, by the services' own rules ({@link TokenCodec}). No service
 * carries it: it is for the launcher, the tests and bench.
 */
public final class DevTokens {

    private DevTokens() {
    }

    /** A token for {@code role} ("admin", "restaurant", "driver") acting for {@code id} (null for admin). */
    public static String mint(String secret, String role, Long id, Duration ttl) {
        Role parsed = Role.of(role);
        if (parsed != Role.ADMIN && id == null) {
            throw new IllegalArgumentException("a " + role + " token needs the " + role + "'s id");
        }
        TokenCodec codec = new TokenCodec(secret, Claims.DEFAULT_ISSUER);
        Instant now = Instant.now();
        return codec.mint(parsed.value() + (id == null ? "" : ":" + id), new Caller(parsed, id), now, now.plus(ttl));
    }

    public static String mint(String secret, String role, Long id) {
        return mint(secret, role, id, Duration.ofHours(12));
    }

    /** A random 256-bit secret, hex encoded, for a launcher that was given none (dev only). */
    public static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
