package ge.dms.query.security;

import ge.dms.http.token.Caller;
import ge.dms.http.token.Claims;
import ge.dms.http.token.TokenCodec;
import ge.dms.http.token.VerifiedToken;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * Verifies the command API's tokens by the shared rules ({@link TokenCodec}: HS256 signed with {@code dms.jwt.secret}
 * of at least 32 bytes, unexpired, issuer {@code dms.jwt.issuer}, exactly one role of admin|restaurant|driver, the
 * {@code dms_id} claim for restaurants and drivers). Anything else is no caller at all. A token from sign-in names
 * its session ({@code sid}); a signed-out session's tokens are refused, checked in memory ({@link RevokedSessions}),
 * never by a read per request.
 */
@Context // built at start-up, so a missing or short DMS_JWT_SECRET stops the service before it serves
public class TokenVerifier {

    private final TokenCodec codec;
    private final Predicate<String> revoked;

    /** Without revocations (tests of the token rules alone). */
    public TokenVerifier(String secret, String issuer) {
        this(secret, issuer, sessionId -> false);
    }

    @Inject
    public TokenVerifier(@Value("${dms.jwt.secret:}") String secret, @Value("${dms.jwt.issuer:" + Claims.DEFAULT_ISSUER + "}") String issuer,
                         RevokedSessions revokedSessions) {
        this(secret, issuer, revokedSessions::isRevoked);
    }

    public TokenVerifier(String secret, String issuer, Predicate<String> revoked) {
        this.codec = new TokenCodec(secret, issuer);
        this.revoked = revoked;
    }

    public Optional<Caller> verify(String token) {
        return codec.verify(token).map(VerifiedToken::caller)
                .filter(caller -> caller.sessionId() == null || !revoked.test(caller.sessionId()));
    }
}
