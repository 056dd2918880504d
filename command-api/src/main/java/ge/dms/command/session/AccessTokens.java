package ge.dms.command.session;

import ge.dms.command.security.JwtConfig;
import ge.dms.http.token.Caller;
import ge.dms.http.token.Role;
import ge.dms.http.token.TokenCodec;
import jakarta.inject.Singleton;

import java.time.Instant;

/**
 * Signs the access tokens of signed-in sessions: the same token both APIs verify ({@link TokenCodec}:
 * {@code iss}, {@code sub}, {@code roles}, {@code dms_id}, {@code exp}) plus {@code sid}, the session,
 * which lets either API refuse it once the session is revoked.
 */
@Singleton
public class AccessTokens {

    private final TokenCodec codec;

    public AccessTokens(JwtConfig config) {
        this.codec = new TokenCodec(config.getSecret(), config.getIssuer());
    }

    public String mint(long accountId, String role, Long partyId, String sessionId, Instant now, Instant expiresAt) {
        return codec.mint("account:" + accountId, new Caller(Role.of(role), partyId, sessionId), now, expiresAt);
    }
}
