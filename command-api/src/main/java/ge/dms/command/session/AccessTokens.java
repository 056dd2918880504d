package ge.dms.command.session;

import com.nimbusds.jwt.JWTClaimsSet;
import ge.dms.command.security.Actor;
import ge.dms.command.security.JwtCodec;
import ge.dms.command.security.JwtConfig;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Signs the access tokens of signed-in sessions: the same HS256 JWT both APIs already verify
 * ({@code iss}, {@code sub}, {@code roles}, {@code dms_id}, {@code exp}) plus {@code sid}, the
 * session, which lets either API refuse it once the session is revoked.
 */
@Singleton
public class AccessTokens {

    public static final String SESSION_CLAIM = "sid";

    private final JwtCodec codec;
    private final String issuer;

    public AccessTokens(JwtConfig config) {
        this.codec = new JwtCodec(config.key(), config.getIssuer());
        this.issuer = config.getIssuer();
    }

    public String mint(long accountId, String role, Long partyId, String sessionId, Instant now, Instant expiresAt) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject("account:" + accountId)
                .claim("roles", List.of(role))
                .claim(SESSION_CLAIM, sessionId)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expiresAt));
        if (partyId != null) {
            claims.claim(Actor.ID_CLAIM, partyId);
        }
        return codec.sign(claims.build());
    }
}
