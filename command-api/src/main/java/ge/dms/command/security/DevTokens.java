package ge.dms.command.security;

import com.nimbusds.jwt.JWTClaimsSet;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.HexFormat;

/**
 * Mints tokens for local use and tests ({@code ./dev token --role restaurant --id 7}), signed
 * with the same secret the service is given. Not used by the service itself.
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
        JwtConfig config = new JwtConfig();
        config.setSecret(secret);
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(config.getIssuer())
                .subject(parsed.value() + (id == null ? "" : ":" + id))
                .claim("roles", List.of(parsed.value()))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)));
        if (id != null) {
            claims.claim(Actor.ID_CLAIM, id);
        }
        return new JwtCodec(config.key(), config.getIssuer()).sign(claims.build());
    }

    public static String mint(String secret, String role, Long id) {
        return mint(secret, role, id, Duration.ofHours(12));
    }

    /** A random 256-bit secret, hex encoded, for a launcher that was given none (dev only). */
    public static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return new String(HexFormat.of().formatHex(bytes).getBytes(StandardCharsets.US_ASCII), StandardCharsets.US_ASCII);
    }
}
