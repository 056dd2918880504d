package ge.dms.query.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Verifies the command API's tokens: HS256 signed with {@code dms.jwt.secret} (at least 32 bytes),
 * not expired, issuer {@code dms.jwt.issuer}, exactly one role of admin|restaurant|driver, and the
 * {@code dms_id} claim for restaurants and drivers. Anything else is no caller at all. A token from
 * sign-in names its session ({@code sid}); a signed-out session's tokens are refused, checked in
 * memory ({@link RevokedSessions}), never by a read per request.
 */
@Context // built at start-up, so a missing or short DMS_JWT_SECRET stops the service before it serves
public class TokenVerifier {

    public static final String ID_CLAIM = "dms_id";
    public static final String SESSION_CLAIM = "sid";
    private static final Logger LOG = LoggerFactory.getLogger(TokenVerifier.class);

    private final MACVerifier verifier;
    private final String issuer;
    private final Predicate<String> revoked;

    /** Without revocations (tests of the token rules alone). */
    public TokenVerifier(String secret, String issuer) {
        this(secret, issuer, sessionId -> false);
    }

    @Inject
    public TokenVerifier(@Value("${dms.jwt.secret:}") String secret, @Value("${dms.jwt.issuer:dms}") String issuer,
                         RevokedSessions revokedSessions) {
        this(secret, issuer, revokedSessions::isRevoked);
    }

    public TokenVerifier(String secret, String issuer, Predicate<String> revoked) {
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalStateException("dms.jwt.secret (DMS_JWT_SECRET) must be set to at least 32 bytes");
        }
        try {
            this.verifier = new MACVerifier(secret.getBytes(StandardCharsets.UTF_8));
        } catch (JOSEException e) {
            throw new IllegalStateException("unusable dms.jwt.secret", e);
        }
        this.issuer = issuer;
        this.revoked = revoked;
    }

    public Optional<Caller> verify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                return Optional.empty();
            }
            return caller(jwt.getJWTClaimsSet());
        } catch (ParseException | JOSEException | RuntimeException e) {
            LOG.debug("Rejected token: {}", e.toString());
            return Optional.empty();
        }
    }

    private Optional<Caller> caller(JWTClaimsSet claims) throws ParseException {
        Date exp = claims.getExpirationTime();
        List<String> roles = claims.getStringListClaim("roles");
        if (exp == null || !exp.after(new Date()) || !issuer.equals(claims.getIssuer()) || claims.getSubject() == null
                || roles == null || roles.size() != 1) {
            return Optional.empty();
        }
        Caller.Role role = switch (roles.getFirst()) {
            case "admin" -> Caller.Role.ADMIN;
            case "restaurant" -> Caller.Role.RESTAURANT;
            case "driver" -> Caller.Role.DRIVER;
            default -> null;
        };
        if (role == null) {
            return Optional.empty();
        }
        Long id = claims.getLongClaim(ID_CLAIM);
        if (role != Caller.Role.ADMIN && id == null) {
            return Optional.empty();
        }
        String session = claims.getStringClaim(SESSION_CLAIM);
        if (session != null && revoked.test(session)) {
            return Optional.empty();
        }
        return Optional.of(new Caller(role, id, session));
    }
}
